package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/** How the buyer pays. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum PaymentMethodType implements WireEnum {
  CARD("card"),
  MOBILE_WALLET("mobile_wallet"),
  QR("qr"),
  CASH_VOUCHER("cash_voucher"),
  UNKNOWN("unknown");

  private static final WireEnums<PaymentMethodType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  PaymentMethodType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant whose wire value is {@code wireValue}, or {@link #UNKNOWN} for a value newer than
   * this SDK.
   */
  public static PaymentMethodType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
