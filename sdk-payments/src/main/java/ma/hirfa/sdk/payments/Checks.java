package ma.hirfa.sdk.payments;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** Validation shared by the params records; every failure names the field as the API does. */
final class Checks {
  /** Every id is a type prefix, an underscore and 1 to 64 letters or digits. */
  private static final Pattern ID = Pattern.compile("([a-z]{2,4})_[A-Za-z0-9]{1,64}");

  private Checks() {}

  static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  static Money positive(String field, @Nullable Money amount) {
    Money m = required(field, amount);
    if (!m.isPositive()) {
      throw new ValidationException(
          field + ".amount_minor", "must be positive but was " + m.amountMinor());
    }
    return m;
  }

  static String artisanId(String field, @Nullable String id) {
    return id(field, "art", "an artisan id like art_7QK2M9", id);
  }

  static String paymentId(String field, @Nullable String id) {
    return id(field, "pay", "a payment id like pay_8Hx2Lq", id);
  }

  /** An id with the given type prefix; {@code what} describes it in the error. */
  static String id(String field, String prefix, String what, @Nullable String id) {
    if (id != null) {
      Matcher m = ID.matcher(id);
      if (m.matches() && m.group(1).equals(prefix)) {
        return id;
      }
    }
    throw new ValidationException(field, "must be " + what + " but was '" + id + "'");
  }

  static String text(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (value.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return value;
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
    } catch (java.net.URISyntaxException e) {
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
