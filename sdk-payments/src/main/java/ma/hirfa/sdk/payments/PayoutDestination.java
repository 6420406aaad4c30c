package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.validation.Iban;
import ma.hirfa.sdk.core.validation.Rib;
import ma.hirfa.sdk.payments.validation.MoroccanPhone;
import org.jspecify.annotations.Nullable;

/**
 * Where a payout goes: a RIB, an IBAN or a wallet. Checked before anything is sent (RIB key, IBAN
 * mod 97-10, Moroccan mobile; spaces in a RIB or IBAN are removed first), and masked in {@code
 * toString()}.
 */
public record PayoutDestination(
    PayoutDestinationType type,
    @Nullable String rib,
    @Nullable String iban,
    @Nullable String phone) {

  public PayoutDestination {
    PaymentChecks.required("destination.type", type);
    switch (type) {
      case RIB -> {
        rib = Rib.normalize(rib);
        if (!Rib.isValid(rib)) {
          throw new ValidationException("destination.rib", ribRefusal(rib));
        }
      }
      case IBAN -> {
        iban = Iban.normalize(iban);
        if (!Iban.isValid(iban)) {
          throw new ValidationException("destination.iban", ibanRefusal(iban));
        }
      }
      case WALLET -> {
        phone =
            MoroccanPhone.mobileToE164(phone)
                .orElseThrow(
                    () ->
                        new ValidationException(
                            "destination.phone", "must be a Moroccan mobile number"));
      }
      default -> throw new ValidationException("destination.type", "must be rib, iban or wallet");
    }
  }

  /** Why a RIB was refused, without its digits. */
  private static String ribRefusal(@Nullable String rib) {
    String hint = " (24 digits; spaces are accepted and removed)";
    if (rib == null || rib.isEmpty()) {
      return "is missing" + hint;
    }
    if (!digits(rib)) {
      return "must hold only digits: remove any separator other than spaces" + hint;
    }
    if (rib.length() != 24) {
      return "has " + rib.length() + " digits instead of 24" + hint;
    }
    return "is not a valid RIB: its key does not match, so a digit is wrong" + hint;
  }

  /** Why an IBAN was refused, without its digits. */
  private static String ibanRefusal(@Nullable String iban) {
    String hint = " (MA + 26 digits; spaces are accepted and removed)";
    if (iban == null || iban.isEmpty()) {
      return "is missing" + hint;
    }
    if (!iban.startsWith("MA")) {
      return "must be a Moroccan IBAN, starting with MA" + hint;
    }
    if (!digits(iban.substring(2))) {
      return "must hold only digits after MA: remove any separator other than spaces" + hint;
    }
    if (iban.length() != 28) {
      return "has " + iban.length() + " characters instead of 28" + hint;
    }
    return "is not a valid IBAN: its check digits do not match, so a digit is wrong" + hint;
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * A RIB, as 24 digits or as printed in groups ({@code 011 519 0000012050005349 21}): spaces are
   * removed before its key is checked.
   */
  public static PayoutDestination rib(String rib) {
    return new PayoutDestination(PayoutDestinationType.RIB, rib, null, null);
  }

  /** A Moroccan IBAN ({@code MA} + 26 digits), spaces removed as for {@link #rib(String)}. */
  public static PayoutDestination iban(String iban) {
    return new PayoutDestination(PayoutDestinationType.IBAN, null, iban, null);
  }

  public static PayoutDestination wallet(String phone) {
    return new PayoutDestination(PayoutDestinationType.WALLET, null, null, phone);
  }

  @Override
  public String toString() {
    String number = rib != null ? rib : iban != null ? iban : phone != null ? phone : "";
    return "PayoutDestination[type="
        + type.wireValue()
        + ", last4="
        + number.substring(Math.max(0, number.length() - 4))
        + "]";
  }
}
