package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Artisans: onboard (create), read, list with filters, and update by JSON merge patch. From {@link
 * CatalogClient#artisans()}; the same operations return a {@code CompletableFuture} from {@link
 * #async()}. Every operation has two forms: with its required arguments, and with those and {@link
 * RequestOptions}.
 */
public final class ArtisanService {
  static final Operation LIST = Operation.get("listArtisans", "/v1/artisans");
  static final Operation CREATE = Operation.post("createArtisan", "/v1/artisans");
  static final Operation GET = Operation.get("getArtisan", "/v1/artisans/{id}");
  static final Operation UPDATE = Operation.patch("updateArtisan", "/v1/artisans/{id}");

  static final TypeRef<Artisan> ARTISAN = TypeRef.of(Artisan.class);
  static final TypeRef<Page<Artisan>> PAGE = new TypeRef<Page<Artisan>>() {};

  private final ClientRuntime runtime;
  private final ArtisanServiceAsync async;

  ArtisanService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new ArtisanServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public ArtisanServiceAsync async() {
    return async;
  }

  /**
   * Registers an artisan; it starts {@link VerificationStatus#PENDING}. The {@code Idempotency-Key}
   * makes a retried create register one artisan.
   */
  public Artisan create(ArtisanCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(ArtisanCreateParams)}, with per-call options. */
  public Artisan create(ArtisanCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), ARTISAN);
  }

  public Artisan get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Artisan get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), ARTISAN);
  }

  /**
   * One page of artisans matching the filters; the next one is at its {@link Page#nextCursor()}.
   */
  public Page<Artisan> list(ArtisanListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(ArtisanListParams)}, with per-call options. */
  public Page<Artisan> list(ArtisanListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching artisan, page by page as you iterate (synchronously). */
  public AutoPager<Artisan> listAutoPaging(ArtisanListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(ArtisanListParams)}; the options apply to each page's call. */
  public AutoPager<Artisan> listAutoPaging(ArtisanListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    CatalogChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  /**
   * Applies a merge patch to the artisan: whatever its version, or, with {@link
   * ArtisanUpdateParams.Builder#ifMatch(String)}, only if it is still at that version (otherwise
   * {@link ma.hirfa.sdk.core.VersionConflictException} and nothing changes).
   */
  public Artisan update(String id, ArtisanUpdateParams params) {
    return update(id, params, RequestOptions.none());
  }

  /** Like {@link #update(String, ArtisanUpdateParams)}, with per-call options. */
  public Artisan update(String id, ArtisanUpdateParams params, RequestOptions options) {
    return runtime.execute(updateRequest(id, params, options), ARTISAN);
  }

  static ApiRequest createRequest(ArtisanCreateParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(CatalogChecks.id("id", "art", id))
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(ArtisanListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      ArtisanListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("region", p.region())
        .query("craft", p.craft())
        .query("status", p.status() == null ? null : p.status().wireValue())
        .query("cursor", cursor)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest updateRequest(String id, ArtisanUpdateParams params, RequestOptions options) {
    String checked = CatalogChecks.id("id", "art", id);
    CatalogChecks.required("params", params);
    ApiRequest.Builder b =
        UPDATE
            .request(checked)
            .body(params.patch())
            .options(CatalogChecks.required("options", options));
    String ifMatch = params.ifMatch();
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return b.build();
  }
}
