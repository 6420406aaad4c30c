package ma.hirfa.sdk.testkit.server;

import java.math.BigInteger;
import java.util.Currency;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The platform's server-side checks of Moroccan identifiers and amounts (see docs/domain.md). */
public final class SandboxChecks {
  private static final Pattern RIB = Pattern.compile("\\d{24}");
  private static final Pattern ICE = Pattern.compile("\\d{15}");
  private static final Pattern IBAN = Pattern.compile("MA\\d{26}");
  private static final Pattern MOBILE = Pattern.compile("(?:\\+212|0)([67]\\d{8})");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private SandboxChecks() {}

  /** 24 digits whose whole number is 0 mod 97 (key = 97 − (first 22 digits × 100 mod 97)). */
  public static boolean rib(@Nullable String rib) {
    return rib != null
        && RIB.matcher(rib).matches()
        && new BigInteger(rib).mod(NINETY_SEVEN).signum() == 0;
  }

  /** 15 digits whose whole number is 0 mod 97 (9 company + 4 establishment + 2 control). */
  public static boolean ice(@Nullable String ice) {
    return ice != null
        && ICE.matcher(ice).matches()
        && new BigInteger(ice).mod(NINETY_SEVEN).signum() == 0;
  }

  /** {@code MA} + 2 check digits + 24 digits, ISO 7064 mod 97-10. */
  public static boolean iban(@Nullable String iban) {
    if (iban == null || !IBAN.matcher(iban).matches()) {
      return false;
    }
    String moved = iban.substring(4) + "2210" + iban.substring(2, 4); // M=22, A=10
    return new BigInteger(moved).mod(NINETY_SEVEN).intValue() == 1;
  }

  /** A Moroccan mobile number in E.164 ({@code +2126...}, {@code +2127...}), or null. */
  public static @Nullable String mobileE164(@Nullable String phone) {
    if (phone == null) {
      return null;
    }
    var m = MOBILE.matcher(phone.replaceAll("[ .-]", ""));
    return m.matches() ? "+212" + m.group(1) : null;
  }

  /** The Luhn check of card numbers. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** The currency's minor digits, or -1 for a code that is not an ISO 4217 currency. */
  public static int minorDigits(@Nullable String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return -1;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
