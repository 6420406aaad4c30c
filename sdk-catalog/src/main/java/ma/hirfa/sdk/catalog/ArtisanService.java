package ma.hirfa.sdk.catalog;

import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Artisans: onboard (create), read, list with filters, and update by JSON merge patch. From {@link
 * CatalogClient#artisans()}.
 */
public final class ArtisanService {
  private static final TypeRef<Artisan> ARTISAN = TypeRef.of(Artisan.class);
  private static final TypeRef<Page<Artisan>> PAGE = new TypeRef<Page<Artisan>>() {};

  static final Operation LIST = Operation.get("listArtisans", "/v1/artisans");
  static final Operation CREATE = Operation.post("createArtisan", "/v1/artisans");
  static final Operation GET = Operation.get("getArtisan", "/v1/artisans/{id}");
  static final Operation UPDATE = Operation.patch("updateArtisan", "/v1/artisans/{id}");

  private final ClientRuntime runtime;

  ArtisanService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Registers an artisan; it starts {@link VerificationStatus#PENDING}. The {@code Idempotency-Key}
   * makes a retried create register one artisan.
   */
  public Artisan create(ArtisanCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public Artisan create(ArtisanCreateParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    return runtime.execute(CREATE.request().body(params).options(options).build(), ARTISAN);
  }

  public Artisan get(String id) {
    return runtime.execute(GET.request(CatalogChecks.id("id", "art", id)).build(), ARTISAN);
  }

  /** One page of artisans matching the filters. */
  public Page<Artisan> list(ArtisanListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  /** Every matching artisan, page by page as you iterate. */
  public AutoPager<Artisan> listAutoPaging(ArtisanListParams params) {
    Objects.requireNonNull(params, "params == null");
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ArtisanListParams params, @Nullable String cursor) {
    Objects.requireNonNull(params, "params == null");
    return LIST.request()
        .query("limit", params.limit())
        .query("region", params.region())
        .query("craft", params.craft())
        .query("status", params.status() == null ? null : params.status().wireValue())
        .query("cursor", cursor)
        .build();
  }

  /** Applies a merge patch to the artisan, whatever its current version. */
  public Artisan update(String id, ArtisanUpdateParams params) {
    return runtime.execute(patch(CatalogChecks.id("id", "art", id), params, null), ARTISAN);
  }

  /**
   * Applies a merge patch only if the artisan is still at {@code current}'s version; otherwise
   * throws {@link ma.hirfa.sdk.core.VersionConflictException} and changes nothing.
   */
  public Artisan update(Artisan current, ArtisanUpdateParams params) {
    Objects.requireNonNull(current, "current == null");
    return runtime.execute(patch(current.id(), params, current.etag()), ARTISAN);
  }

  private static ApiRequest patch(String id, ArtisanUpdateParams params, @Nullable String etag) {
    Objects.requireNonNull(params, "params == null");
    ApiRequest.Builder b = UPDATE.request(id).body(params);
    if (etag != null) {
      b.header("If-Match", etag);
    }
    return b.build();
  }
}
