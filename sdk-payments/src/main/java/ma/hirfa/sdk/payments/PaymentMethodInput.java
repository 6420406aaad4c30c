package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.payments.validation.MoroccanPhone;
import org.jspecify.annotations.Nullable;

/**
 * How the buyer will pay: {@link #card}, {@link #mobileWallet}, {@link #qr} or {@link
 * #cashVoucher}. Card and phone numbers are checked before anything is sent and never appear in
 * {@code toString()}, logs or exception messages.
 */
public record PaymentMethodInput(
    PaymentMethodType type, @Nullable Card card, @Nullable MobileWallet mobileWallet) {

  public PaymentMethodInput {
    PaymentChecks.required("method.type", type);
    if (type == PaymentMethodType.CARD && card == null) {
      throw new ValidationException("method.card", "is required for a card payment");
    }
    if (type == PaymentMethodType.MOBILE_WALLET && mobileWallet == null) {
      throw new ValidationException("method.mobile_wallet", "is required for a wallet payment");
    }
    if (type == PaymentMethodType.UNKNOWN) {
      throw new ValidationException(
          "method.type", "must be card, mobile_wallet, qr or cash_voucher");
    }
  }

  /**
   * A card, for merchants allowed to handle card data (PCI DSS); others use the CMI hosted page.
   */
  public static PaymentMethodInput card(String number, int expMonth, int expYear, String cvc) {
    return new PaymentMethodInput(
        PaymentMethodType.CARD, new Card(number, expMonth, expYear, cvc), null);
  }

  /** An m-wallet, identified by the holder's Moroccan mobile number (normalised to E.164). */
  public static PaymentMethodInput mobileWallet(String phone) {
    return new PaymentMethodInput(PaymentMethodType.MOBILE_WALLET, null, new MobileWallet(phone));
  }

  /** A QR code the buyer scans with a MarocPay-compatible app. */
  public static PaymentMethodInput qr() {
    return new PaymentMethodInput(PaymentMethodType.QR, null, null);
  }

  /** A voucher the buyer pays in cash at a proximity point. */
  public static PaymentMethodInput cashVoucher() {
    return new PaymentMethodInput(PaymentMethodType.CASH_VOUCHER, null, null);
  }

  /** Card data. Validated (digits, Luhn, expiry, CVC) and masked in {@code toString()}. */
  public record Card(String number, int expMonth, int expYear, String cvc) {
    public Card {
      if (number == null || !number.matches("\\d{12,19}") || !luhn(number)) {
        throw new ValidationException(
            "method.card.number", "is not a valid card number (12 to 19 digits, Luhn)");
      }
      if (expMonth < 1 || expMonth > 12) {
        throw new ValidationException("method.card.exp_month", "must be 1 to 12");
      }
      if (expYear < 2000 || expYear > 2100) {
        throw new ValidationException("method.card.exp_year", "must be a four-digit year");
      }
      if (cvc == null || !cvc.matches("\\d{3,4}")) {
        throw new ValidationException("method.card.cvc", "must be 3 or 4 digits");
      }
    }

    @Override
    public String toString() {
      return "Card[number=****"
          + number.substring(number.length() - 4)
          + ", exp="
          + expMonth
          + "/"
          + expYear
          + ", cvc=***]";
    }

    private static boolean luhn(String digits) {
      int sum = 0;
      for (int i = digits.length() - 1, n = 0; i >= 0; i--, n++) {
        int d = digits.charAt(i) - '0';
        if (n % 2 == 1) {
          d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        sum += d;
      }
      return sum % 10 == 0;
    }
  }

  /** A wallet's phone number, in E.164. Masked in {@code toString()}. */
  public record MobileWallet(String phone) {
    public MobileWallet {
      phone =
          MoroccanPhone.mobileToE164(phone)
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "method.mobile_wallet.phone", "must be a Moroccan mobile number"));
    }

    @Override
    public String toString() {
      return "MobileWallet[phone=+212******" + phone.substring(phone.length() - 2) + "]";
    }
  }

  @Override
  public String toString() {
    return Redactor.redact(
        "PaymentMethodInput[type="
            + type.wireValue()
            + (card != null ? ", " + card : "")
            + (mobileWallet != null ? ", " + mobileWallet : "")
            + "]");
  }
}
