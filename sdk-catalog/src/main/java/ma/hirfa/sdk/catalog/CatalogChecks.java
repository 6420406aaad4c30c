package ma.hirfa.sdk.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.Validate;
import org.jspecify.annotations.Nullable;

/** Validation shared by the params; every failure names the field as the API does. */
final class CatalogChecks {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
  private static final Pattern HS_CODE = Pattern.compile("\\d{6}");

  private CatalogChecks() {}

  static <T> T required(String field, @Nullable T value) {
    return Validate.required(field, value);
  }

  /** An id with the given type prefix, like {@code prd_} for products. */
  static String id(String field, String prefix, @Nullable String id) {
    return Validate.id(field, prefix, "an id like " + prefix + "_7QK2M9", id);
  }

  static String sku(String field, @Nullable String sku) {
    if (sku == null || !SKU.matcher(sku).matches()) {
      throw new ValidationException(
          field, "must be 1 to 64 letters, digits, '.', '_' or '-' but was '" + sku + "'");
    }
    return sku;
  }

  /** A taxonomy or region code: lower-case letters, digits and underscores. */
  static String code(String field, @Nullable String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new ValidationException(
          field, "must be a code like knotted_rug (a-z, 0-9, _) but was '" + code + "'");
    }
    return code;
  }

  static String hsCode(String field, @Nullable String hs) {
    if (hs == null || !HS_CODE.matcher(hs).matches()) {
      throw new ValidationException(field, "must be a 6-digit HS code but was '" + hs + "'");
    }
    return hs;
  }

  static String text(String field, @Nullable String value, int max) {
    return Validate.text(field, value, max);
  }

  /** The Marketplace API requires Arabic or French in every localized text. */
  static LocalizedText arOrFr(String field, @Nullable LocalizedText text) {
    LocalizedText t = required(field, text);
    if (!t.hasArabicOrFrench()) {
      throw new ValidationException(
          field, "must have an ar or fr text but has only " + t.languages());
    }
    return t;
  }

  static String httpsUrl(String field, @Nullable String url) {
    String u = required(field, url);
    try {
      URI uri = new URI(u);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ValidationException(field, "must be an https URL");
  }

  /** A page size: 1 to 100. */
  static int limit(int limit) {
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    return limit;
  }

  /** A cursor from an earlier page, or null for the first page. */
  static @Nullable String cursor(@Nullable String cursor) {
    return cursor == null ? null : text("cursor", cursor, 512);
  }

  static int notNegative(String field, int value) {
    if (value < 0) {
      throw new ValidationException(field, "must be 0 or more but was " + value);
    }
    return value;
  }
}
