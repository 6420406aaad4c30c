package ma.hirfa.sdk.core.validation;

import org.jspecify.annotations.Nullable;

/** Remainders mod 97 of long decimal strings, digit by digit (no BigInteger, no allocation). */
final class Mod97 {
  private Mod97() {}

  /**
   * The number written by {@code digits} (ASCII digits and, for IBANs, letters A=10...Z=35) mod 97.
   */
  static int of(CharSequence digits) {
    int r = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c >= '0' && c <= '9') {
        r = (r * 10 + (c - '0')) % 97;
      } else {
        int v = c - 'A' + 10;
        r = (r * 100 + v) % 97;
      }
    }
    return r;
  }

  static boolean allDigits(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code s} without ordinary, no-break and narrow no-break spaces; null stays null. */
  static @Nullable String withoutSpaces(@Nullable String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\u00a0' && c != '\u202f') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
