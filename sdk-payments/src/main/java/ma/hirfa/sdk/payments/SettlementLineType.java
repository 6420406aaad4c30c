package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/** What a settlement line records. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum SettlementLineType implements WireEnum {
  PAYMENT("payment"),
  REFUND("refund"),
  PAYOUT("payout"),
  UNKNOWN("unknown");

  private static final WireEnums<SettlementLineType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  SettlementLineType(String wireValue) {
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
  public static SettlementLineType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
