package ma.hirfa.sdk.catalog;

import java.util.concurrent.atomic.AtomicReference;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ApiResponse;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * The taxonomy, cached in the client with its {@code ETag}: each {@link #get()} asks the API with
 * {@code If-None-Match} and, on {@code 304 Not Modified}, returns the cached copy without
 * downloading it again. From {@link CatalogClient#taxonomy()}; {@link #async()} returns a {@code
 * CompletableFuture} instead, sharing the same cache.
 */
public final class TaxonomyService {
  static final Operation GET = Operation.get("getTaxonomy", "/v1/taxonomy");
  private static final TypeRef<Taxonomy> TAXONOMY = TypeRef.of(Taxonomy.class);

  private record Cached(String etag, Taxonomy taxonomy) {}

  private final ClientRuntime runtime;
  private final AtomicReference<@Nullable Cached> cache = new AtomicReference<>();
  private final TaxonomyServiceAsync async;

  TaxonomyService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new TaxonomyServiceAsync(runtime, this);
  }

  /** The same operation, returning a {@code CompletableFuture} instead of blocking. */
  public TaxonomyServiceAsync async() {
    return async;
  }

  /** The current taxonomy: the cached copy while the API says it is unchanged. */
  public Taxonomy get() {
    return get(RequestOptions.none());
  }

  /** Like {@link #get()}, with per-call options. */
  public Taxonomy get(RequestOptions options) {
    return read(runtime.execute(request(options)));
  }

  /** The request, conditional on the cached copy's ETag when there is one. */
  ApiRequest request(RequestOptions options) {
    Cached cached = cache.get();
    ApiRequest.Builder request = GET.request().options(CatalogChecks.required("options", options));
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    return request.build();
  }

  /** The taxonomy of a response: the cached copy on a 304, else the body, cached with its ETag. */
  Taxonomy read(ApiResponse response) {
    Cached cached = cache.get();
    if (response.status() == 304 && cached != null) {
      return cached.taxonomy();
    }
    Taxonomy taxonomy = runtime.decode(response, TAXONOMY);
    String etag = response.header("ETag");
    if (etag != null) {
      cache.set(new Cached(etag, taxonomy));
    }
    return taxonomy;
  }
}
