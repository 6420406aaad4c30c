package ma.hirfa.sdk.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.Validate;
import org.jspecify.annotations.Nullable;

/** Validation shared by the params records; every failure names the field as the API does. */
final class PaymentChecks {

  private PaymentChecks() {}

  static <T> T required(String field, @Nullable T value) {
    return Validate.required(field, value);
  }

  static Money positive(String field, @Nullable Money amount) {
    Money m = required(field, amount);
    if (!m.isPositive()) {
      throw new ValidationException(
          field + ".amount_minor", "must be positive but was " + m.amountMinor());
    }
    return m;
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

  static String artisanId(String field, @Nullable String id) {
    return id(field, "art", "an artisan id like art_7QK2M9", id);
  }

  static String paymentId(String field, @Nullable String id) {
    return id(field, "pay", "a payment id like pay_8Hx2Lq", id);
  }

  /** An id with the given type prefix; {@code what} describes it in the error. */
  static String id(String field, String prefix, String what, @Nullable String id) {
    return Validate.id(field, prefix, what, id);
  }

  static String text(String field, @Nullable String value, int max) {
    return Validate.text(field, value, max);
  }

  static @Nullable String httpsUrl(String field, @Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ValidationException(field, "must be an absolute https URL");
      }
    } catch (URISyntaxException e) {
      throw new ValidationException(field, "is not a valid URL");
    }
    return url;
  }

  static Map<String, String> metadata(@Nullable Map<String, String> metadata) {
    if (metadata == null) {
      return Map.of();
    }
    if (metadata.size() > 20) {
      throw new ValidationException("metadata", "at most 20 keys");
    }
    metadata.forEach(
        (k, v) -> {
          if (k == null || k.isBlank() || k.length() > 40) {
            throw new ValidationException("metadata", "keys must be 1 to 40 characters");
          }
          if (v == null || v.length() > 500) {
            throw new ValidationException("metadata." + k, "values must be at most 500 characters");
          }
        });
    return Map.copyOf(metadata);
  }
}
