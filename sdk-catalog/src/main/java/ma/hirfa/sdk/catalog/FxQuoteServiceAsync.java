package ma.hirfa.sdk.catalog;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link FxQuoteService}, each returning a {@link CompletableFuture} at once:
 * from {@code catalog.fxQuotes().async()}. The future completes or fails as the blocking call
 * would; cancelling it cancels the HTTP call and any scheduled retry. Invalid arguments are refused
 * at once with a {@link ma.hirfa.sdk.core.ValidationException}.
 */
public final class FxQuoteServiceAsync {
  private final ClientRuntime runtime;

  FxQuoteServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<FxQuote> create(String from, String to) {
    return create(from, to, RequestOptions.none());
  }

  public CompletableFuture<FxQuote> create(String from, String to, RequestOptions options) {
    return runtime.executeAsync(
        FxQuoteService.createRequest(from, to, options), FxQuoteService.QUOTE);
  }

  public CompletableFuture<FxQuote> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<FxQuote> get(String id, RequestOptions options) {
    return runtime.executeAsync(FxQuoteService.getRequest(id, options), FxQuoteService.QUOTE);
  }
}
