package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * {@code open} until the day ends, then {@code available}. {@code UNKNOWN} stands for a value newer
 * than this SDK.
 */
public enum SettlementStatus implements WireEnum {
  OPEN("open"),
  AVAILABLE("available"),
  UNKNOWN("unknown");

  private static final WireEnums<SettlementStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  SettlementStatus(String wireValue) {
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
  public static SettlementStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
