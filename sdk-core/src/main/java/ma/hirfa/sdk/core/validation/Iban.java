package ma.hirfa.sdk.core.validation;

import java.util.Locale;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The Moroccan IBAN: {@code MA}, two check digits and the 24-digit RIB (28 characters), checked
 * with ISO 7064 mod 97-10. For any valid RIB the check digits are {@code 64}.
 *
 * <pre>{@code
 * Iban.isValid("MA64011519000001205000534921");   // true
 * Iban.fromRib("011519000001205000534921");       // "MA64011519000001205000534921"
 * Iban.normalize("MA64 0115 1900 0001 2050 0053 4921"); // the printed form, spaces removed
 * }</pre>
 */
public final class Iban {
  private Iban() {}

  /** True for {@code MA} + 26 digits passing mod 97-10 (no spaces, upper-case {@code MA}). */
  public static boolean isValid(@Nullable String iban) {
    if (iban == null
        || iban.length() != 28
        || !iban.startsWith("MA")
        || !Mod97.allDigits(iban.substring(2), 26)) {
      return false;
    }
    return Mod97.of(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  /**
   * The IBAN as typed with its spaces removed (ordinary, no-break and narrow no-break spaces) and
   * its letters in upper case, since IBANs are printed in groups of four; null stays null. Check
   * the result with {@link #isValid}.
   */
  public static @Nullable String normalize(@Nullable String iban) {
    String compact = Mod97.withoutSpaces(iban);
    return compact == null ? null : compact.toUpperCase(Locale.ROOT);
  }

  /**
   * The IBAN of a valid RIB.
   *
   * @throws ValidationException naming {@code rib} if it is not a valid RIB
   */
  public static String fromRib(String rib) {
    if (!Rib.isValid(rib)) {
      throw new ValidationException("rib", "is not a valid RIB (24 digits with a mod-97 key)");
    }
    int check = 98 - Mod97.of(rib + "MA00");
    return "MA" + (check < 10 ? "0" + check : Integer.toString(check)) + rib;
  }

  /**
   * The RIB inside a valid IBAN.
   *
   * @throws ValidationException naming {@code iban} if it is not a valid Moroccan IBAN
   */
  public static String toRib(String iban) {
    if (!isValid(iban)) {
      throw new ValidationException(
          "iban", "is not a valid Moroccan IBAN (MA + 26 digits, mod 97-10)");
    }
    return iban.substring(4);
  }
}
