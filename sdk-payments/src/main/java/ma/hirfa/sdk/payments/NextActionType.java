package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * What the payer must do before the payment can complete. {@code UNKNOWN} stands for a value newer
 * than this SDK.
 */
public enum NextActionType implements WireEnum {
  REDIRECT_TO_URL("redirect_to_url"),
  WALLET_APPROVAL("wallet_approval"),
  DISPLAY_QR("display_qr"),
  CASH_VOUCHER("cash_voucher"),
  UNKNOWN("unknown");

  private static final WireEnums<NextActionType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  NextActionType(String wireValue) {
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
  public static NextActionType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
