package ma.hirfa.sdk.catalog;

import java.util.concurrent.atomic.AtomicReference;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ApiResponse;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * The taxonomy, cached in the client with its {@code ETag}: each {@link #get()} asks the API with
 * {@code If-None-Match} and, on {@code 304 Not Modified}, returns the cached copy without
 * downloading it again. From {@link CatalogClient#taxonomy()}.
 */
public final class TaxonomyService {
  private static final TypeRef<Taxonomy> TAXONOMY = TypeRef.of(Taxonomy.class);

  private record Cached(String etag, Taxonomy taxonomy) {}

  static final Operation GET = Operation.get("getTaxonomy", "/v1/taxonomy");

  private final ClientRuntime runtime;
  private final AtomicReference<@Nullable Cached> cache = new AtomicReference<>();

  TaxonomyService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /** The current taxonomy: the cached copy while the API says it is unchanged. */
  public Taxonomy get() {
    Cached cached = cache.get();
    ApiRequest.Builder request = GET.request();
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    ApiResponse response = runtime.execute(request.build());
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
