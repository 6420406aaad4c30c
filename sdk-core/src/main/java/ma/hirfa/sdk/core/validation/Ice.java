package ma.hirfa.sdk.core.validation;

import org.jspecify.annotations.Nullable;

/**
 * The ICE (identifiant commun de l'entreprise): 15 digits, 9 for the company, 4 for the
 * establishment and 2 control digits making the whole number divisible by 97.
 *
 * <pre>{@code
 * Ice.isValid("001561191000066");   // true
 * Ice.isValid("001561191000065");   // false
 * }</pre>
 */
public final class Ice {
  private Ice() {}

  /** True for exactly 15 ASCII digits whose whole number is 0 mod 97. */
  public static boolean isValid(@Nullable String ice) {
    return ice != null && Mod97.allDigits(ice, 15) && Mod97.of(ice) == 0;
  }
}
