package ma.hirfa.sdk.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The field checks every client's params share; each failure is a {@link ValidationException}
 * naming the field as the API does. Client-specific rules live in each client's own {@code Checks}.
 */
public final class Validate {
  /** Every id is a type prefix, an underscore and 1 to 64 letters or digits. */
  private static final Pattern ID = Pattern.compile("([a-z]{2,4})_[A-Za-z0-9]{1,64}");

  private Validate() {}

  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /**
   * An id with this type prefix; {@code what} describes it, like "a payment id like pay_8Hx2Lq".
   */
  public static String id(String field, String prefix, String what, @Nullable String id) {
    if (id != null) {
      Matcher m = ID.matcher(id);
      if (m.matches() && m.group(1).equals(prefix)) {
        return id;
      }
    }
    throw new ValidationException(field, "must be " + what + " but was " + Redactor.quote(id));
  }

  /**
   * Whether {@code host} is the loopback interface: {@code localhost} or a literal loopback
   * address. A name other than {@code localhost} is never resolved here.
   */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A non-blank text of at most {@code max} characters. */
  public static String text(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (value.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return value;
  }
}
