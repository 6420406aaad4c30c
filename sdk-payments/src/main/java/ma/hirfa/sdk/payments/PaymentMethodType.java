package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/** How the buyer pays. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum PaymentMethodType implements WireEnum {
  CARD("card"),
  MOBILE_WALLET("mobile_wallet"),
  QR("qr"),
  CASH_VOUCHER("cash_voucher"),
  UNKNOWN("unknown");

  private final String wireValue;

  PaymentMethodType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
