package ma.hirfa.sdk.kafka;

import java.util.Map;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.core.LocalizedText;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.jspecify.annotations.Nullable;

/**
 * A product as a Connect {@link Struct}, so that any converter (JSON, Avro, Protobuf) writes it:
 * the fields a downstream system indexes, prices as integer minor units, localized text as maps
 * keyed by BCP-47 tag. {@code version} lets a consumer keep the newest when the feed replays an
 * older change (at-least-once: a restart re-sends what was not committed).
 */
final class ProductRecords {
  private static final Schema TEXT =
      SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();
  private static final Schema OPTIONAL_TEXT =
      SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional().build();
  private static final Schema STRINGS = SchemaBuilder.array(Schema.STRING_SCHEMA).build();

  static final Schema KEY = Schema.STRING_SCHEMA;

  static final Schema VALUE =
      SchemaBuilder.struct()
          .name("ma.hirfa.catalog.Product")
          .version(1)
          .field("id", Schema.STRING_SCHEMA)
          .field("version", Schema.INT64_SCHEMA)
          .field("sku", Schema.STRING_SCHEMA)
          .field("artisan_id", Schema.STRING_SCHEMA)
          .field("craft", Schema.STRING_SCHEMA)
          .field("status", Schema.STRING_SCHEMA)
          .field("title", TEXT)
          .field("description", OPTIONAL_TEXT)
          .field("price_amount_minor", Schema.INT64_SCHEMA)
          .field("price_currency", Schema.STRING_SCHEMA)
          .field("stock", Schema.INT32_SCHEMA)
          .field("materials", STRINGS)
          .field("labels", STRINGS)
          .field("hs_code", Schema.OPTIONAL_STRING_SCHEMA)
          .field("origin", Schema.OPTIONAL_STRING_SCHEMA)
          .field("antique", Schema.BOOLEAN_SCHEMA)
          .field("updated_at", Schema.STRING_SCHEMA)
          .build();

  private ProductRecords() {}

  static Struct value(Product p) {
    return new Struct(VALUE)
        .put("id", p.id())
        .put("version", p.version())
        .put("sku", p.sku())
        .put("artisan_id", p.artisanId())
        .put("craft", p.craft())
        .put("status", p.statusAsString())
        .put("title", p.title().asMap())
        .put("description", text(p.description()))
        .put("price_amount_minor", p.price().amountMinor())
        .put("price_currency", p.price().currencyCode())
        .put("stock", p.stock())
        .put("materials", p.materials())
        .put("labels", p.labels())
        .put("hs_code", p.hsCode())
        .put("origin", p.origin())
        .put("antique", p.antique())
        .put("updated_at", p.updatedAt().toString());
  }

  private static @Nullable Map<String, String> text(@Nullable LocalizedText text) {
    return text == null ? null : text.asMap();
  }
}
