package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.Validate;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * Where an artisan is paid: a RIB, an IBAN or a mobile-wallet phone. RIB and IBAN keys are checked
 * when built, after removing the spaces they are often printed with (a refusal says why, without
 * the digits); the wallet number is checked by the API (the payments client's {@code MoroccanPhone}
 * checks it on your side). {@link #toString()} shows only the last four digits.
 */
public record PayoutAccount(
    String type, @Nullable String rib, @Nullable String iban, @Nullable String phone) {

  public PayoutAccount {
    switch (type) {
      case "rib" -> rib = Validate.rib("payout_destination.rib", rib);
      case "iban" -> iban = Validate.iban("payout_destination.iban", iban);
      case "wallet" -> {
        if (phone == null || !phone.matches("\\+?[0-9 .-]{9,16}")) {
          throw new ValidationException(
              "payout_destination.phone", "must be a Moroccan mobile number");
        }
      }
      default ->
          throw new ValidationException("payout_destination.type", "must be rib, iban or wallet");
    }
  }

  public static PayoutAccount rib(String rib) {
    return new PayoutAccount("rib", rib, null, null);
  }

  public static PayoutAccount iban(String iban) {
    return new PayoutAccount("iban", null, iban, null);
  }

  public static PayoutAccount wallet(String phone) {
    return new PayoutAccount("wallet", null, null, phone);
  }

  @Override
  public String toString() {
    String value = rib != null ? rib : iban != null ? iban : phone;
    String last4 = value == null || value.length() < 4 ? "" : value.substring(value.length() - 4);
    return Redactor.redact("PayoutAccount{" + type + " ****" + last4 + "}");
  }
}
