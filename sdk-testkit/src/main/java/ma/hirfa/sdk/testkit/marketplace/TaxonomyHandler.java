package ma.hirfa.sdk.testkit.marketplace;

import java.util.Map;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Json;

/**
 * The taxonomy over the API ({@code getTaxonomy}): the sample categories, branches and crafts of
 * {@code sample-taxonomy.json}, rendered once, with an {@code ETag} naming their version.
 */
public final class TaxonomyHandler {
  private final byte[] taxonomy = renderTaxonomy();
  private final String etag = "\"" + CatalogSeed.TAXONOMY.version() + "\"";

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of("getTaxonomy", (e, r) -> Json.conditional(e, etag, () -> taxonomy));
  }

  private static byte[] renderTaxonomy() {
    return Json.bytes(
        g -> {
          g.writeStartObject();
          g.writeStringField("version", CatalogSeed.TAXONOMY.version());
          g.writeBooleanField("sample", true);
          g.writeArrayFieldStart("categories");
          for (CatalogSeed.Category c : CatalogSeed.CATEGORIES) {
            g.writeStartObject();
            g.writeStringField("code", c.code());
            Json.writeText(g, "label", c.label());
            g.writeArrayFieldStart("branches");
            for (CatalogSeed.Branch b : CatalogSeed.BRANCHES) {
              if (!b.category().equals(c.code())) {
                continue;
              }
              g.writeStartObject();
              g.writeStringField("code", b.code());
              Json.writeText(g, "label", b.label());
              g.writeArrayFieldStart("crafts");
              for (CatalogSeed.Craft k : CatalogSeed.CRAFTS) {
                if (k.branch().equals(b.code())) {
                  g.writeStartObject();
                  g.writeStringField("code", k.code());
                  Json.writeText(g, "label", k.label());
                  g.writeEndObject();
                }
              }
              g.writeEndArray();
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
