package ma.hirfa.sdk.catalog;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Futures;

/**
 * {@link TaxonomyService#get()} returning a {@link CompletableFuture} at once, with the same ETag
 * cache: from {@code catalog.taxonomy().async()}. Cancelling the future cancels the HTTP call and
 * any scheduled retry.
 */
public final class TaxonomyServiceAsync {
  private final ClientRuntime runtime;
  private final TaxonomyService sync;

  TaxonomyServiceAsync(ClientRuntime runtime, TaxonomyService sync) {
    this.runtime = runtime;
    this.sync = sync;
  }

  public CompletableFuture<Taxonomy> get() {
    return get(RequestOptions.none());
  }

  public CompletableFuture<Taxonomy> get(RequestOptions options) {
    return Futures.map(runtime.executeAsync(sync.request(options)), sync::read);
  }
}
