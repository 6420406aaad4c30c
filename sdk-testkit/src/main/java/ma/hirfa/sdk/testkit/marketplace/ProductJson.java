package ma.hirfa.sdk.testkit.marketplace;

import static ma.hirfa.sdk.testkit.server.Json.writeMoney;
import static ma.hirfa.sdk.testkit.server.Json.writeStrings;
import static ma.hirfa.sdk.testkit.server.Json.writeText;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * How products and artisans look on the wire: one writer for responses, events, feed and export.
 */
public final class ProductJson {
  private ProductJson() {}

  /** Writes a product. */
  public static void writeProduct(JsonGenerator g, Product p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("sku", p.sku());
    g.writeStringField("artisan_id", p.artisanId());
    g.writeStringField("craft", p.craft());
    writeText(g, "title", p.title());
    if (!p.description().isEmpty()) {
      writeText(g, "description", p.description());
    }
    writeMoney(g, "price", p.price(), "MAD");
    g.writeNumberField("stock", p.stock());
    if (p.dimensions() != null) {
      g.writeObjectFieldStart("dimensions_cm");
      g.writeNumberField("length", p.dimensions().length());
      g.writeNumberField("width", p.dimensions().width());
      g.writeNumberField("height", p.dimensions().height());
      g.writeEndObject();
    }
    if (p.weightG() != null) {
      g.writeNumberField("weight_g", p.weightG());
    }
    writeStrings(g, "materials", p.materials());
    if (p.technique() != null) {
      g.writeStringField("technique", p.technique());
    }
    if (p.origin() != null) {
      g.writeStringField("origin", p.origin());
    }
    g.writeArrayFieldStart("images");
    for (Product.Image i : p.images()) {
      g.writeStartObject();
      g.writeStringField("url", i.url());
      if (!i.alt().isEmpty()) {
        writeText(g, "alt", i.alt());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (p.hsCode() != null) {
      g.writeStringField("hs_code", p.hsCode());
    }
    writeStrings(g, "labels", p.labels());
    if (p.vatRegime() != null) {
      g.writeStringField("vat_regime", p.vatRegime());
    }
    g.writeBooleanField("antique", p.antique());
    g.writeStringField("status", p.status());
    g.writeNumberField("version", p.version());
    g.writeStringField("created_at", p.createdAt().toString());
    g.writeStringField("updated_at", p.updatedAt().toString());
    g.writeEndObject();
  }

  /** Writes an artisan. */
  public static void writeArtisan(JsonGenerator g, Artisan a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("nia", a.nia());
    g.writeStringField("display_name", a.displayName());
    g.writeStringField("status", a.status());
    writeStrings(g, "crafts", a.crafts());
    g.writeStringField("region", a.region());
    g.writeStringField("city", a.city());
    if (a.ice() != null) {
      g.writeStringField("ice", a.ice());
    }
    if (a.payoutType() != null) {
      g.writeObjectFieldStart("payout_destination");
      g.writeStringField("type", a.payoutType());
      g.writeStringField("last4", a.payoutLast4());
      g.writeEndObject();
    }
    g.writeStringField("verification", a.verification());
    writeStrings(g, "labels", a.labels());
    g.writeNumberField("version", a.version());
    g.writeStringField("created_at", a.createdAt().toString());
    g.writeStringField("updated_at", a.updatedAt().toString());
    g.writeEndObject();
  }
}
