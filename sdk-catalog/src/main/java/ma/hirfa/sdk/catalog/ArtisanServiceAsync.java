package ma.hirfa.sdk.catalog;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link ArtisanService}, each returning a {@link CompletableFuture} at once:
 * from {@code catalog.artisans().async()}. The future completes or fails as the blocking call
 * would; cancelling it cancels the HTTP call and any scheduled retry. Invalid arguments are refused
 * at once with a {@link ma.hirfa.sdk.core.ValidationException}. Auto-paging stays synchronous.
 */
public final class ArtisanServiceAsync {
  private final ClientRuntime runtime;

  ArtisanServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Artisan> create(ArtisanCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Artisan> create(ArtisanCreateParams params, RequestOptions options) {
    return runtime.executeAsync(
        ArtisanService.createRequest(params, options), ArtisanService.ARTISAN);
  }

  public CompletableFuture<Artisan> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Artisan> get(String id, RequestOptions options) {
    return runtime.executeAsync(ArtisanService.getRequest(id, options), ArtisanService.ARTISAN);
  }

  public CompletableFuture<Page<Artisan>> list(ArtisanListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Artisan>> list(ArtisanListParams params, RequestOptions options) {
    return runtime.executeAsync(ArtisanService.listRequest(params, options), ArtisanService.PAGE);
  }

  public CompletableFuture<Artisan> update(String id, ArtisanUpdateParams params) {
    return update(id, params, RequestOptions.none());
  }

  public CompletableFuture<Artisan> update(
      String id, ArtisanUpdateParams params, RequestOptions options) {
    return runtime.executeAsync(
        ArtisanService.updateRequest(id, params, options), ArtisanService.ARTISAN);
  }
}
