package ma.hirfa.sdk.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.core.validation.Iban;
import ma.hirfa.sdk.core.validation.Rib;
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

  /**
   * A RIB as typed, its spaces removed (RIBs are printed in groups); refused with the reason and a
   * hint, never with its digits.
   */
  public static String rib(String field, @Nullable String typed) {
    String rib = Rib.normalize(typed);
    if (rib != null && Rib.isValid(rib)) {
      return rib;
    }
    String hint = " (24 digits; spaces are accepted and removed)";
    if (rib == null || rib.isEmpty()) {
      throw new ValidationException(field, "is missing" + hint);
    }
    if (!digits(rib)) {
      throw new ValidationException(
          field, "must hold only digits: remove any separator other than spaces" + hint);
    }
    if (rib.length() != 24) {
      throw new ValidationException(field, "has " + rib.length() + " digits instead of 24" + hint);
    }
    throw new ValidationException(
        field, "is not a valid RIB: its key does not match, so a digit is wrong" + hint);
  }

  /**
   * A Moroccan IBAN as typed, its spaces removed and its letters in upper case (IBANs are printed
   * in groups of four); refused with the reason and a hint, never with its digits.
   */
  public static String iban(String field, @Nullable String typed) {
    String iban = Iban.normalize(typed);
    if (iban != null && Iban.isValid(iban)) {
      return iban;
    }
    String hint = " (MA + 26 digits; spaces are accepted and removed)";
    if (iban == null || iban.isEmpty()) {
      throw new ValidationException(field, "is missing" + hint);
    }
    if (!iban.startsWith("MA")) {
      throw new ValidationException(field, "must be a Moroccan IBAN, starting with MA" + hint);
    }
    if (!digits(iban.substring(2))) {
      throw new ValidationException(
          field, "must hold only digits after MA: remove any separator other than spaces" + hint);
    }
    if (iban.length() != 28) {
      throw new ValidationException(
          field, "has " + iban.length() + " characters instead of 28" + hint);
    }
    throw new ValidationException(
        field, "is not a valid IBAN: its check digits do not match, so a digit is wrong" + hint);
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
