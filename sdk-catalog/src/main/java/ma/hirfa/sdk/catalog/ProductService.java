package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.NdjsonReader;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Products: read and list, create, replace with {@code If-Match}, archive, delete, batch upsert,
 * the streamed export and the change feed. From {@link CatalogClient#products()}.
 */
public final class ProductService {
  /** The most items one batch upsert takes. */
  public static final int MAX_BATCH = 500;

  private static final TypeRef<Product> PRODUCT = TypeRef.of(Product.class);
  private static final TypeRef<Page<Product>> PAGE = new TypeRef<Page<Product>>() {};
  private static final TypeRef<BatchResult> BATCH = TypeRef.of(BatchResult.class);
  private static final TypeRef<ChangePage> CHANGES = TypeRef.of(ChangePage.class);

  private final ClientRuntime runtime;

  ProductService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public Product get(String id) {
    return get(id, RequestOptions.none());
  }

  /** One page of products in catalog order. */
  public Page<Product> list(ProductListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  /** Every matching product, page by page as you iterate. */
  public AutoPager<Product> listAutoPaging(ProductListParams params) {
    Objects.requireNonNull(params, "params == null");
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ProductListParams params, @Nullable String cursor) {
    Objects.requireNonNull(params, "params == null");
    return ApiRequest.get("v1", "products")
        .query("limit", params.limit())
        .query("artisan_id", params.artisanId())
        .query("craft", params.craft())
        .query("status", params.status() == null ? null : params.status().wireValue())
        .query("cursor", cursor)
        .build();
  }

  /** Publishes a new product; a retried create publishes one. A taken SKU is a conflict. */
  public Product create(ProductInput input) {
    return create(input, RequestOptions.none());
  }

  public Product create(ProductInput input, RequestOptions options) {
    Objects.requireNonNull(input, "input == null");
    return runtime.execute(
        ApiRequest.post("v1", "products").body(input).options(options).build(), PRODUCT);
  }

  /**
   * Replaces the product {@code current} with {@code input}, only if nobody changed it since {@code
   * current} was read: otherwise throws {@link VersionConflictException} and changes nothing. Read
   * it again, merge, retry.
   */
  public Product update(Product current, ProductInput input) {
    Objects.requireNonNull(current, "current == null");
    return update(current.id(), current.etag(), input);
  }

  /** Like {@link #update(Product, ProductInput)}, with the id and the ETag you hold. */
  public Product update(String id, String etag, ProductInput input) {
    CatalogChecks.id("id", "prd", id);
    CatalogChecks.text("etag", etag, 200);
    Objects.requireNonNull(input, "input == null");
    return runtime.execute(
        ApiRequest.put("v1", "products", id).header("If-Match", etag).body(input).build(), PRODUCT);
  }

  /** Archives the product (kept in exports with status {@code archived}); idempotent. */
  public Product archive(String id) {
    return runtime.execute(
        ApiRequest.post("v1", "products", CatalogChecks.id("id", "prd", id), "archive").build(),
        PRODUCT);
  }

  /** Deletes the product for good, if it is still at {@code current}'s version. */
  public void delete(Product current) {
    Objects.requireNonNull(current, "current == null");
    runtime.execute(
        ApiRequest.delete("v1", "products", current.id())
            .header("If-Match", current.etag())
            .build());
  }

  /** Deletes the product for good, whatever its version. */
  public void delete(String id) {
    runtime.execute(ApiRequest.delete("v1", "products", CatalogChecks.id("id", "prd", id)).build());
  }

  /**
   * Creates or updates up to {@value #MAX_BATCH} products, matched by SKU. Each item succeeds or
   * fails on its own: read {@link BatchResult#failed()}. The {@code Idempotency-Key} makes a
   * retried batch apply once.
   */
  public BatchResult upsert(List<ProductInput> items) {
    return upsert(items, RequestOptions.none());
  }

  public BatchResult upsert(List<ProductInput> items, RequestOptions options) {
    Objects.requireNonNull(items, "items == null");
    if (items.isEmpty() || items.size() > MAX_BATCH) {
      throw new ValidationException(
          "items", "must hold 1 to " + MAX_BATCH + " products but held " + items.size());
    }
    for (int i = 0; i < items.size(); i++) {
      Objects.requireNonNull(items.get(i), "items[" + i + "] == null");
    }
    return runtime.execute(
        ApiRequest.post("v1", "products", "batch")
            .body(Map.of("items", List.copyOf(items)))
            .options(options)
            .build(),
        BATCH);
  }

  /**
   * Upserts any number of products in batches of {@value #MAX_BATCH}; the result's indexes are
   * positions in {@code items}.
   */
  public BatchResult upsertAll(List<ProductInput> items) {
    Objects.requireNonNull(items, "items == null");
    List<BatchResult.Item> all = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += MAX_BATCH) {
      int offset = from;
      for (BatchResult.Item i :
          upsert(items.subList(from, Math.min(items.size(), from + MAX_BATCH))).results()) {
        all.add(
            new BatchResult.Item(
                i.index() + offset, i.sku(), i.statusAsString(), i.productId(), i.errors()));
      }
    }
    return new BatchResult(all);
  }

  /**
   * The whole catalog, streamed; see {@link ProductExport}. Its {@link
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
    Objects.requireNonNull(options, "options == null");
    return new ProductExport(
        NdjsonReader.open(
            runtime,
            ApiRequest.get("v1", "products", "export")
                .query("after", after)
                .header("Accept", "application/x-ndjson")
                .options(options)
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
    CatalogChecks.text("cursor", cursor, 512);
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    Objects.requireNonNull(options, "options == null");
    return runtime.execute(changesRequest(cursor, limit, options), CHANGES);
  }

  ApiRequest changesRequest(String cursor, int limit, RequestOptions options) {
    return ApiRequest.get("v1", "products", "changes")
        .query("cursor", cursor)
        .query("limit", limit)
        .options(options)
        .build();
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Product get(String id, RequestOptions options) {
    return runtime.execute(
        ApiRequest.get("v1", "products", CatalogChecks.id("id", "prd", id))
            .options(options)
            .build(),
        PRODUCT);
  }

  ClientRuntime runtime() {
    return runtime;
  }
}
