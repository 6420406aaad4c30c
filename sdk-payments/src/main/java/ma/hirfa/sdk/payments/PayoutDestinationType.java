package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/** Where a payout is sent. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum PayoutDestinationType implements WireEnum {
  RIB("rib"),
  IBAN("iban"),
  WALLET("wallet"),
  UNKNOWN("unknown");

  private static final WireEnums<PayoutDestinationType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  PayoutDestinationType(String wireValue) {
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
  public static PayoutDestinationType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
