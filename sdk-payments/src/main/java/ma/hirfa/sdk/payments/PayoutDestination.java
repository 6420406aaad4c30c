package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.Validate;
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
      case RIB -> rib = Validate.rib("destination.rib", rib);
      case IBAN -> iban = Validate.iban("destination.iban", iban);
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
