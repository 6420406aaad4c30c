package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link RefundService}, each returning a {@link CompletableFuture} at once: from
 * {@code client.refunds().async()}. The future completes or fails as the blocking call would;
 * cancelling it cancels the HTTP call and any scheduled retry. Invalid arguments are refused at
 * once with a {@link ma.hirfa.sdk.core.ValidationException}. Auto-paging stays synchronous.
 */
public final class RefundServiceAsync {
  private final ClientRuntime runtime;

  RefundServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Refund> create(RefundCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Refund> create(RefundCreateParams params, RequestOptions options) {
    return runtime.executeAsync(RefundService.createRequest(params, options), RefundService.REFUND);
  }

  public CompletableFuture<Refund> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Refund> get(String id, RequestOptions options) {
    return runtime.executeAsync(RefundService.getRequest(id, options), RefundService.REFUND);
  }

  public CompletableFuture<Page<Refund>> list(RefundListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Refund>> list(RefundListParams params, RequestOptions options) {
    return runtime.executeAsync(RefundService.listRequest(params, options), RefundService.PAGE);
  }
}
