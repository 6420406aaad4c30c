package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.validation.Iban;
import ma.hirfa.sdk.core.validation.Rib;
import ma.hirfa.sdk.payments.validation.MoroccanPhone;
import org.jspecify.annotations.Nullable;

/**
 * Where a payout goes: a RIB, an IBAN or a wallet. Checked before anything is sent (RIB key, IBAN
 * mod 97-10, Moroccan mobile), and masked in {@code toString()}.
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
        if (!Rib.isValid(rib)) {
          throw new ValidationException(
              "destination.rib", "is not a valid RIB (24 digits with a mod-97 key)");
        }
      }
      case IBAN -> {
        if (!Iban.isValid(iban)) {
          throw new ValidationException(
              "destination.iban", "is not a valid Moroccan IBAN (MA + 26 digits, mod 97-10)");
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

  public static PayoutDestination rib(String rib) {
    return new PayoutDestination(PayoutDestinationType.RIB, rib, null, null);
  }

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
