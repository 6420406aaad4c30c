package ma.hirfa.sdk.core.validation;

import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The Moroccan RIB (relevé d'identité bancaire): 24 digits, a 3-digit bank code, 19 digits of
 * locality and account (laid out differently by each bank, so treated as opaque) and a 2-digit key.
 * The key makes the whole number divisible by 97: key = 97 − (first 22 digits × 100 mod 97).
 *
 * <pre>{@code
 * Rib.isValid("011519000001205000534921");   // true
 * Rib.isValid("011519000001205000534922");   // false: one digit changed
 * Rib.normalize("011 519 0000012050005349 21"); // "011519000001205000534921", as printed on a RIB
 * }</pre>
 */
public final class Rib {
  private Rib() {}

  /** True for exactly 24 ASCII digits whose mod-97 key matches. Spaces are not accepted. */
  public static boolean isValid(@Nullable String rib) {
    return rib != null && Mod97.allDigits(rib, 24) && Mod97.of(rib) == 0;
  }

  /**
   * The RIB as typed with its spaces removed (ordinary, no-break and narrow no-break spaces), since
   * RIBs are printed in groups ({@code 011 519 0000012050005349 21}); null stays null. Nothing else
   * is changed: check the result with {@link #isValid}.
   */
  public static @Nullable String normalize(@Nullable String rib) {
    return Mod97.withoutSpaces(rib);
  }

  /**
   * The key (01 to 97) that completes the first 22 digits of a RIB.
   *
   * @throws ValidationException naming {@code first22Digits} unless it is exactly 22 digits
   */
  public static String key(String first22Digits) {
    if (!Mod97.allDigits(first22Digits, 22)) {
      throw new ValidationException("first22Digits", "must be exactly 22 digits");
    }
    int key = 97 - Mod97.of(first22Digits + "00");
    return key < 10 ? "0" + key : Integer.toString(key);
  }

  /**
   * The 3-digit bank code of a valid RIB.
   *
   * @throws ValidationException naming {@code rib} if it is not a valid RIB
   */
  public static String bankCode(String rib) {
    if (!isValid(rib)) {
      throw new ValidationException("rib", "is not a valid RIB (24 digits with a mod-97 key)");
    }
    return rib.substring(0, 3);
  }
}
