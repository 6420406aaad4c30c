package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/** Reads and checks a ProductInput (a create, a replace, or one item of a batch upsert). */
final class ProductInput {
  private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en", "es", "zgh", "ary");
  private static final Set<String> VAT_REGIMES =
      Set.of("standard_20", "exempt_carpet", "exempt_small_producer", "export_exempt");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HS = Pattern.compile("\\d{6}");

  private ProductInput() {}

  /** Parses and checks a ProductInput; errors are named with {@code prefix}. */
  static Product read(
      ObjectNode b,
      Problems.FieldErrors errors,
      String prefix,
      Function<String, @Nullable Artisan> artisans) {
    String sku = b.path("sku").asText("");
    if (!SKU.matcher(sku).matches()) {
      errors.add(prefix + "sku", "invalid_sku", "1 to 64 letters, digits, '.', '_' or '-'");
    }
    String artisanId = b.path("artisan_id").asText("");
    Artisan artisan = artisans.apply(artisanId);
    if (artisan == null) {
      errors.add(prefix + "artisan_id", "unknown_artisan", "no artisan with this id");
    } else if (artisan.verification().equals("rejected")) {
      errors.add(
          prefix + "artisan_id", "artisan_rejected", "this artisan's registration was rejected");
    }
    String craft = b.path("craft").asText("");
    CatalogSeed.Craft c = CatalogSeed.craft(craft);
    if (c == null || c.maxPrice() == 0) {
      errors.add(prefix + "craft", "unknown_craft", "a product craft code of the taxonomy");
    }
    Map<String, String> title = text(b.get("title"), prefix + "title", errors, true);
    Map<String, String> description =
        text(b.get("description"), prefix + "description", errors, false);
    JsonNode price = b.path("price");
    long amount = price.path("amount_minor").asLong(-1);
    if (!price.path("amount_minor").isIntegralNumber() || amount <= 0) {
      errors.add(
          prefix + "price.amount_minor", "must_be_positive", "a positive whole number of centimes");
    }
    if (!price.path("currency").asText().equals("MAD")) {
      errors.add(prefix + "price.currency", "must_be_mad", "prices are set in MAD");
    }
    int stock = b.path("stock").asInt(0);
    if (b.has("stock") && (!b.get("stock").isIntegralNumber() || stock < 0)) {
      errors.add(prefix + "stock", "must_not_be_negative", "stock is 0 or more");
    }
    String hs = b.hasNonNull("hs_code") ? b.get("hs_code").asText() : null;
    if (hs != null && !HS.matcher(hs).matches()) {
      errors.add(prefix + "hs_code", "invalid_hs_code", "6 digits");
    }
    List<Product.Image> images = new ArrayList<>();
    JsonNode imgs = b.path("images");
    for (int i = 0; i < imgs.size(); i++) {
      String url = imgs.get(i).path("url").asText("");
      if (!url.startsWith("https://") || url.length() < 12) {
        errors.add(prefix + "images[" + i + "].url", "must_be_https", "image URLs use https");
      }
      images.add(
          new Product.Image(
              url, text(imgs.get(i).get("alt"), prefix + "images[" + i + "].alt", errors, false)));
    }
    if (images.size() > 20) {
      errors.add(prefix + "images", "too_many", "at most 20 images");
    }
    JsonNode dims = b.path("dimensions_cm");
    Product.Dims dimensions =
        dims.isObject()
            ? new Product.Dims(
                dims.path("length").asDouble(),
                dims.path("width").asDouble(),
                dims.path("height").asDouble())
            : null;
    String vat = b.hasNonNull("vat_regime") ? b.get("vat_regime").asText() : null;
    if (vat != null && !VAT_REGIMES.contains(vat)) {
      errors.add(
          prefix + "vat_regime",
          "invalid_vat_regime",
          "standard_20, exempt_carpet, exempt_small_producer or export_exempt");
    }
    return new Product(
        "",
        sku,
        artisanId,
        craft,
        title,
        description,
        amount,
        stock,
        dimensions,
        b.hasNonNull("weight_g") ? b.get("weight_g").asInt() : null,
        strings(b.path("materials")),
        b.hasNonNull("technique") ? b.get("technique").asText() : null,
        b.hasNonNull("origin") ? b.get("origin").asText() : null,
        List.copyOf(images),
        hs,
        strings(b.path("labels")),
        vat,
        b.path("antique").asBoolean(false),
        "active",
        0,
        CatalogSeed.EPOCH,
        CatalogSeed.EPOCH);
  }

  /** A localized text: known language tags, non-blank NFC values, and {@code ar} or {@code fr}. */
  private static Map<String, String> text(
      @Nullable JsonNode node, String field, Problems.FieldErrors errors, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(field, "required", "a localized text with ar or fr");
      }
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.properties()
        .forEach(
            entry -> {
              String tag = entry.getKey();
              String value = entry.getValue().asText("");
              if (!LANGUAGES.contains(tag)) {
                errors.add(field + "." + tag, "unsupported_language", "ar, fr, en, es, zgh or ary");
              } else if (value.isBlank()) {
                errors.add(field + "." + tag, "blank", "a text must not be blank");
              } else if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
                errors.add(field + "." + tag, "not_nfc", "texts are NFC-normalized");
              }
              out.put(tag, value);
            });
    if (!out.containsKey("ar") && !out.containsKey("fr")) {
      errors.add(field, "missing_ar_or_fr", "a localized text has ar or fr");
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
