package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * {@code get} and {@code list} of {@link SettlementService}, each returning a {@link
 * CompletableFuture} at once: from {@code client.settlements().async()}. The future completes or
 * fails as the blocking call would; cancelling it cancels the HTTP call and any scheduled retry.
 * The lines ({@link SettlementService#lines}) and the auto-pager stay synchronous.
 */
public final class SettlementServiceAsync {
  private final ClientRuntime runtime;

  SettlementServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Settlement> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Settlement> get(String id, RequestOptions options) {
    return runtime.executeAsync(
        SettlementService.getRequest(id, options), SettlementService.SETTLEMENT);
  }

  public CompletableFuture<Page<Settlement>> list(SettlementListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Settlement>> list(
      SettlementListParams params, RequestOptions options) {
    return runtime.executeAsync(
        SettlementService.listRequest(params, options), SettlementService.PAGE);
  }
}
