package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Products over the API: {@code listProducts}, {@code createProduct}, {@code getProduct}, {@code
 * updateProduct} (with If-Match), {@code deleteProduct}, {@code archiveProduct}, {@code
 * upsertProducts} (batch), {@code exportProducts} (streamed NDJSON) and {@code listProductChanges}.
 */
public final class ProductsHandler {
  private final ProductStore store;
  private final ArtisanRegistry artisans;
  private final Ids ids;
  private final Clock clock;
  private final CatalogMisbehaviour faults;

  /** Products of {@code store}, whose artisans {@code artisans} knows. */
  public ProductsHandler(
      ProductStore store,
      ArtisanRegistry artisans,
      Ids ids,
      Clock clock,
      CatalogMisbehaviour faults) {
    this.store = store;
    this.artisans = artisans;
    this.ids = ids;
    this.clock = clock;
    this.faults = faults;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "listProducts", (e, r) -> list(e),
        "createProduct", (e, r) -> create(e),
        "getProduct", (e, r) -> get(e, r.param("id")),
        "updateProduct", (e, r) -> replace(e, r.param("id")),
        "deleteProduct", (e, r) -> delete(e, r.param("id")),
        "archiveProduct", (e, r) -> archive(r.param("id")),
        "upsertProducts", (e, r) -> batch(e),
        "exportProducts", (e, r) -> ProductExport.export(e, store, faults),
        "listProductChanges", (e, r) -> store.feed().page(e));
  }

  private Exchange.Response list(Exchange e) {
    String artisan = e.queryParam("artisan_id");
    String craft = e.queryParam("craft");
    String status = e.queryParam("status");
    Predicate<Product> filter =
        p ->
            (artisan == null || artisan.equals(p.artisanId()))
                && (craft == null || craft.equals(p.craft()))
                && (status == null || status.equals(p.status()));
    return PositionPages.page(
        e, store.positions(), store::atPosition, filter, ProductJson::writeProduct);
  }

  private Exchange.Response get(Exchange e, String id) {
    Product p = store.productOr404(id);
    return Json.conditional(e, p.etag(), () -> Json.bytes(g -> ProductJson.writeProduct(g, p)));
  }

  private Exchange.Response create(Exchange e) {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (store.lock) {
      Product input = ProductInput.read(e.jsonBody(), errors, "", artisans::find);
      errors.throwIfAny();
      if (store.bySku(input.sku()) != null) {
        throw new Exchange.ApiError(
            Problems.conflict(
                "sku_taken", "a product with this SKU exists; update it, or use the batch upsert"));
      }
      Product p = store.store(input, ids.next("prd"), "active", 1, null);
      return written(201, p);
    }
  }

  private Exchange.Response replace(Exchange e, String id) {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (store.lock) {
      Product now = store.productOr404(id);
      Json.checkIfMatch(e, now.etag(), true);
      Product input = ProductInput.read(e.jsonBody(), errors, "", artisans::find);
      if (errors.size() == 0 && !input.sku().equals(now.sku())) {
        errors.add("sku", "immutable", "a product's SKU cannot change");
      }
      errors.throwIfAny();
      Product p =
          input.sameContent(now)
              ? now
              : store.store(input, now.id(), now.status(), now.version() + 1, now);
      return written(200, p);
    }
  }

  private Exchange.Response archive(String id) {
    synchronized (store.lock) {
      Product now = store.productOr404(id);
      Product p =
          now.status().equals("archived")
              ? now
              : store.changed(
                  now.with("archived", now.stock(), now.version() + 1, clock.instant()),
                  "product.updated");
      return written(200, p);
    }
  }

  private Exchange.Response delete(Exchange e, String id) {
    synchronized (store.lock) {
      Product now = store.productOr404(id);
      Json.checkIfMatch(e, now.etag(), false);
      store.delete(now);
      return Exchange.Response.empty(204);
    }
  }

  private static Exchange.Response written(int status, Product p) {
    return Json.json(status, Json.bytes(g -> ProductJson.writeProduct(g, p)))
        .header("ETag", p.etag());
  }

  private Exchange.Response batch(Exchange e) {
    JsonNode items = e.jsonBody().path("items");
    synchronized (store.lock) {
      byte[] body =
          Json.bytes(
              g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("results");
                for (int i = 0; i < items.size(); i++) {
                  writeBatchItem(g, i, items.get(i));
                }
                g.writeEndArray();
                g.writeEndObject();
              });
      return new Exchange.Response(200, new LinkedHashMap<>(), body, "application/json");
    }
  }

  /** Upserts one item of a batch (by SKU) and writes its result; called with the lock held. */
  private void writeBatchItem(JsonGenerator g, int index, JsonNode item) throws IOException {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    String sku = item.path("sku").asText("");
    Product input =
        item instanceof ObjectNode o ? ProductInput.read(o, errors, "", artisans::find) : null;
    if (input == null) {
      errors.add("", "not_an_object", "each item is a product object");
    }
    String status;
    Product result = null;
    synchronized (store.lock) {
      Product existing = errors.size() == 0 ? store.bySku(sku) : null;
      if (errors.size() > 0 || input == null) {
        status = "failed";
      } else if (existing == null) {
        result = store.store(input, ids.next("prd"), "active", 1, null);
        status = "created";
      } else if (input.sameContent(existing)) {
        result = existing;
        status = "unchanged";
      } else {
        result =
            store.store(input, existing.id(), existing.status(), existing.version() + 1, existing);
        status = "updated";
      }
    }
    g.writeStartObject();
    g.writeNumberField("index", index);
    g.writeStringField("sku", sku);
    g.writeStringField("status", status);
    if (result != null) {
      g.writeStringField("product_id", result.id());
    }
    if (errors.size() > 0) {
      g.writeArrayFieldStart("errors");
      errors.forEach(
          (field, code, message) -> {
            try {
              g.writeStartObject();
              g.writeStringField("field", field);
              g.writeStringField("code", code);
              g.writeStringField("message", message);
              g.writeEndObject();
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
