package ma.hirfa.sdk.payments.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Moroccan phone numbers, through Google's libphonenumber rather than regular expressions: numbers
 * are portable and not every {@code 07} block is mobile, so the operator is never inferred.
 *
 * <pre>{@code
 * MoroccanPhone.toE164("0612345678");          // Optional[+212612345678]
 * MoroccanPhone.isMobile("+212 6 12 34 56 78"); // true
 * }</pre>
 */
public final class MoroccanPhone {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private MoroccanPhone() {}

  /**
   * The number in E.164 ({@code +212...}) if it is a valid Moroccan number, national or
   * international.
   */
  public static Optional<String> toE164(@Nullable String phone) {
    PhoneNumber n = parse(phone);
    return n == null
        ? Optional.empty()
        : Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  /** True for a valid Moroccan mobile number (what an m-wallet id is). */
  public static boolean isMobile(@Nullable String phone) {
    return mobileToE164(phone).isPresent();
  }

  /** The number in E.164 if it is a valid Moroccan mobile number; one parse for both checks. */
  public static Optional<String> mobileToE164(@Nullable String phone) {
    PhoneNumber n = parse(phone);
    if (n == null) {
      return Optional.empty();
    }
    PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(n);
    boolean mobile =
        type == PhoneNumberUtil.PhoneNumberType.MOBILE
            || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
    return mobile
        ? Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
        : Optional.empty();
  }

  private static @Nullable PhoneNumber parse(@Nullable String phone) {
    if (phone == null || phone.isBlank() || phone.length() > 32) {
      return null;
    }
    try {
      PhoneNumber n = UTIL.parse(phone, "MA");
      return n.getCountryCode() == 212 && UTIL.isValidNumberForRegion(n, "MA") ? n : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
