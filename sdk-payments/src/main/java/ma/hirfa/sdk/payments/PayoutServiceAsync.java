package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link PayoutService}, each returning a {@link CompletableFuture} at once: from
 * {@code client.payouts().async()}. The future completes or fails as the blocking call would;
 * cancelling it cancels the HTTP call and any scheduled retry. Invalid arguments are refused at
 * once with a {@link ma.hirfa.sdk.core.ValidationException}. Auto-paging stays synchronous.
 */
public final class PayoutServiceAsync {
  private final ClientRuntime runtime;

  PayoutServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Payout> create(PayoutCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Payout> create(PayoutCreateParams params, RequestOptions options) {
    return runtime.executeAsync(PayoutService.createRequest(params, options), PayoutService.PAYOUT);
  }

  public CompletableFuture<Payout> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Payout> get(String id, RequestOptions options) {
    return runtime.executeAsync(PayoutService.getRequest(id, options), PayoutService.PAYOUT);
  }

  public CompletableFuture<Page<Payout>> list(PayoutListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Payout>> list(PayoutListParams params, RequestOptions options) {
    return runtime.executeAsync(PayoutService.listRequest(params, options), PayoutService.PAGE);
  }
}
