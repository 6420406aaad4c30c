package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.http.ApiRequest;

/**
 * The batch upsert's request, and how {@code upsertAll} splits any number of products into batches
 * of {@value ProductService#MAX_BATCH} and joins their results, for the blocking and the
 * asynchronous form alike.
 */
final class ProductBatches {
  private ProductBatches() {}

  static ApiRequest request(List<ProductCreateParams> items, RequestOptions options) {
    CatalogChecks.required("items", items);
    if (items.isEmpty() || items.size() > ProductService.MAX_BATCH) {
      throw new ValidationException(
          "items",
          "must hold 1 to " + ProductService.MAX_BATCH + " products but held " + items.size());
    }
    List<ProductFields> fields = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      fields.add(CatalogChecks.required("items[" + i + "]", items.get(i)).fields());
    }
    return ProductService.UPSERT
        .request()
        .body(Map.of("items", List.copyOf(fields)))
        .options(CatalogChecks.required("options", options))
        .build();
  }

  /** The batches of {@code items}, in order; every item checked before anything is sent. */
  static List<List<ProductCreateParams>> split(List<ProductCreateParams> items) {
    CatalogChecks.required("items", items);
    for (int i = 0; i < items.size(); i++) {
      CatalogChecks.required("items[" + i + "]", items.get(i));
    }
    List<List<ProductCreateParams>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += ProductService.MAX_BATCH) {
      batches.add(
          List.copyOf(
              items.subList(from, Math.min(items.size(), from + ProductService.MAX_BATCH))));
    }
    return batches;
  }

  /**
   * The options of batch {@code index} (from 0) of {@code count}: with the caller's own key {@code
   * K} and more than one batch, batch n (from 1) carries {@code K.n}, so each batch has a key of
   * its own and repeating {@code upsertAll} with {@code K} applies each batch once.
   */
  static RequestOptions options(RequestOptions options, int index, int count) {
    CatalogChecks.required("options", options);
    String key = options.idempotencyKey();
    if (key == null || count == 1) {
      return options;
    }
    return options.toBuilder().idempotencyKey(key + "." + (index + 1)).build();
  }

  /** One result whose indexes are positions in the whole list. */
  static BatchResult join(List<BatchResult> results) {
    List<BatchResult.Item> all = new ArrayList<>();
    for (int b = 0; b < results.size(); b++) {
      int offset = b * ProductService.MAX_BATCH;
      for (BatchResult.Item i : results.get(b).results()) {
        all.add(
            new BatchResult.Item(
                i.index() + offset, i.sku(), i.statusAsString(), i.productId(), i.errors()));
      }
    }
    return new BatchResult(all);
  }
}
