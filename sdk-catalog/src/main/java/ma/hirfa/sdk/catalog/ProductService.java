package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.NdjsonReader;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Products: read and list, create, replace with {@code If-Match}, archive, delete, batch upsert,
 * the streamed export and the change feed. From {@link CatalogClient#products()}; every operation
 * but the streamed export and the auto-pager (iterators, read synchronously) returns a {@code
 * CompletableFuture} from {@link #async()}. Every operation has two forms: with its required
 * arguments, and with those and {@link RequestOptions}.
 */
public final class ProductService {
  /** The most items one batch upsert takes. */
  public static final int MAX_BATCH = 500;

  static final Operation LIST = Operation.get("listProducts", "/v1/products");
  static final Operation CREATE = Operation.post("createProduct", "/v1/products");
  static final Operation GET = Operation.get("getProduct", "/v1/products/{id}");
  static final Operation UPDATE = Operation.put("updateProduct", "/v1/products/{id}");
  static final Operation DELETE = Operation.delete("deleteProduct", "/v1/products/{id}");
  static final Operation ARCHIVE = Operation.post("archiveProduct", "/v1/products/{id}/archive");
  static final Operation UPSERT = Operation.post("upsertProducts", "/v1/products/batch");
  static final Operation EXPORT = Operation.get("exportProducts", "/v1/products/export");
  static final Operation LIST_CHANGES = Operation.get("listProductChanges", "/v1/products/changes");

  static final TypeRef<Product> PRODUCT = TypeRef.of(Product.class);
  static final TypeRef<Page<Product>> PAGE = new TypeRef<Page<Product>>() {};
  static final TypeRef<BatchResult> BATCH = TypeRef.of(BatchResult.class);
  static final TypeRef<ChangePage> CHANGES = TypeRef.of(ChangePage.class);

  private final ClientRuntime runtime;
  private final ProductServiceAsync async;

  ProductService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new ProductServiceAsync(runtime, this);
  }

  /** The request/response operations, returning a {@code CompletableFuture} instead of blocking. */
  public ProductServiceAsync async() {
    return async;
  }

  public Product get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Product get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), PRODUCT);
  }

  /** One page of products in catalog order; the next one is at its {@link Page#nextCursor()}. */
  public Page<Product> list(ProductListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(ProductListParams)}, with per-call options. */
  public Page<Product> list(ProductListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching product, page by page as you iterate (synchronously). */
  public AutoPager<Product> listAutoPaging(ProductListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(ProductListParams)}; the options apply to each page's call. */
  public AutoPager<Product> listAutoPaging(ProductListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    CatalogChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  /** Publishes a new product; a retried create publishes one. A taken SKU is a conflict. */
  public Product create(ProductCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(ProductCreateParams)}, with per-call options. */
  public Product create(ProductCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), PRODUCT);
  }

  /**
   * Replaces the product with {@code params}, only if it is still at the version {@code etag} names
   * (its {@link Product#etag()} when you read it): otherwise throws {@link
   * VersionConflictException} and changes nothing. Read it again, merge, retry. Build the params
   * from what you read with {@link ProductUpdateParams#from(Product)}.
   */
  public Product update(String id, String etag, ProductUpdateParams params) {
    return update(id, etag, params, RequestOptions.none());
  }

  /** Like {@link #update(String, String, ProductUpdateParams)}, with per-call options. */
  public Product update(
      String id, String etag, ProductUpdateParams params, RequestOptions options) {
    return runtime.execute(updateRequest(id, etag, params, options), PRODUCT);
  }

  /** Archives the product (kept in exports with status {@code archived}); idempotent. */
  public Product archive(String id) {
    return archive(id, RequestOptions.none());
  }

  /** Like {@link #archive(String)}, with per-call options. */
  public Product archive(String id, RequestOptions options) {
    return runtime.execute(archiveRequest(id, options), PRODUCT);
  }

  /**
   * Deletes the product for good: whatever its version ({@link ProductDeleteParams#anyVersion()}),
   * or only if it is still at one ({@link ProductDeleteParams#ifMatch(String)}, otherwise {@link
   * VersionConflictException} and nothing is deleted). The change feed carries a tombstone.
   */
  public void delete(String id, ProductDeleteParams params) {
    delete(id, params, RequestOptions.none());
  }

  /** Like {@link #delete(String, ProductDeleteParams)}, with per-call options. */
  public void delete(String id, ProductDeleteParams params, RequestOptions options) {
    runtime.execute(deleteRequest(id, params, options));
  }

  /**
   * Creates or updates up to {@value #MAX_BATCH} products, matched by SKU. Each item succeeds or
   * fails on its own: read {@link BatchResult#failed()}. The {@code Idempotency-Key} makes a
   * retried batch apply once.
   */
  public BatchResult upsert(List<ProductCreateParams> items) {
    return upsert(items, RequestOptions.none());
  }

  /** Like {@link #upsert(List)}, with per-call options. */
  public BatchResult upsert(List<ProductCreateParams> items, RequestOptions options) {
    return runtime.execute(ProductBatches.request(items, options), BATCH);
  }

  /**
   * Upserts any number of products in batches of {@value #MAX_BATCH}, one call after the other; the
   * result's indexes are positions in {@code items}.
   */
  public BatchResult upsertAll(List<ProductCreateParams> items) {
    return upsertAll(items, RequestOptions.none());
  }

  /**
   * Like {@link #upsertAll(List)}; the options apply to each batch's call. With your own
   * idempotency key {@code K} and more than one batch, batch n (from 1) is sent with {@code K.n}.
   */
  public BatchResult upsertAll(List<ProductCreateParams> items, RequestOptions options) {
    List<List<ProductCreateParams>> batches = ProductBatches.split(items);
    List<BatchResult> results = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      results.add(upsert(batches.get(b), ProductBatches.options(options, b, batches.size())));
    }
    return ProductBatches.join(results);
  }

  /**
   * The whole catalog, streamed (and read synchronously); see {@link ProductExport}. Its {@link
   * ProductExport#exportCursor()} is known at once: save it before handling the first product.
   */
  public ProductExport export() {
    return export(RequestOptions.none());
  }

  /**
   * The whole catalog, streamed; {@link RequestOptions#timeout()} is the deadline of the whole
   * export, the time spent between products included.
   */
  public ProductExport export(RequestOptions options) {
    return startExport(null, options);
  }

  /**
   * Resumes a cut export after the product with this id (which need not exist any more): keep the
   * first attempt's {@link ProductExport#exportCursor()}.
   */
  public ProductExport exportAfter(String productId) {
    return exportAfter(productId, RequestOptions.none());
  }

  /** Like {@link #exportAfter(String)}, with a deadline for the whole stream and other options. */
  public ProductExport exportAfter(String productId, RequestOptions options) {
    return startExport(CatalogChecks.id("productId", "prd", productId), options);
  }

  private ProductExport startExport(@Nullable String after, RequestOptions options) {
    CatalogChecks.required("options", options);
    return new ProductExport(
        NdjsonReader.open(
            runtime,
            EXPORT
                .request()
                .query("after", after)
                .header("Accept", "application/x-ndjson")
                .options(CatalogChecks.required("options", options))
                .build(),
            "the export"));
  }

  /**
   * The changes after {@code cursor} (an export's cursor, then each page's {@link
   * ChangePage#nextCursor()}), up to {@code limit} (1 to 100). Delivery is at least once and the
   * order is not guaranteed: apply a change only when its {@link ProductChange#version()} is newer
   * than what you hold. A cursor older than the feed's retention fails with {@code 410
   * cursor_expired}: export the catalog again ({@link CatalogSync} does).
   */
  public ChangePage changes(String cursor, int limit) {
    return changes(cursor, limit, RequestOptions.none());
  }

  /** Like {@link #changes(String, int)}, with per-call options. */
  public ChangePage changes(String cursor, int limit, RequestOptions options) {
    return runtime.execute(changesRequest(cursor, limit, options), CHANGES);
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(CatalogChecks.id("id", "prd", id))
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(ProductListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      ProductListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("artisan_id", p.artisanId())
        .query("craft", p.craft())
        .query("status", p.status() == null ? null : p.status().wireValue())
        .query("cursor", cursor)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest createRequest(ProductCreateParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return CREATE
        .request()
        .body(params.fields())
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest updateRequest(
      String id, String etag, ProductUpdateParams params, RequestOptions options) {
    String checked = CatalogChecks.id("id", "prd", id);
    CatalogChecks.text("etag", etag, 200);
    CatalogChecks.required("params", params);
    return UPDATE
        .request(checked)
        .header("If-Match", etag)
        .body(params.fields())
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest archiveRequest(String id, RequestOptions options) {
    return ARCHIVE
        .request(CatalogChecks.id("id", "prd", id))
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest deleteRequest(String id, ProductDeleteParams params, RequestOptions options) {
    String checked = CatalogChecks.id("id", "prd", id);
    CatalogChecks.required("params", params);
    ApiRequest.Builder b =
        DELETE.request(checked).options(CatalogChecks.required("options", options));
    String ifMatch = params.ifMatch();
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return b.build();
  }

  /** The feed's request; an instance method, as {@link SyncRun} reads the feed through it. */
  ApiRequest changesRequest(String cursor, int limit, RequestOptions options) {
    CatalogChecks.text("cursor", cursor, 512);
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    CatalogChecks.required("options", options);
    return LIST_CHANGES
        .request()
        .query("cursor", cursor)
        .query("limit", limit)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  ClientRuntime runtime() {
    return runtime;
  }
}
