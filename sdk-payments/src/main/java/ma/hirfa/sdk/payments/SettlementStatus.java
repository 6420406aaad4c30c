package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/**
 * {@code open} until the day ends, then {@code available}. {@code UNKNOWN} stands for a value newer
 * than this SDK.
 */
public enum SettlementStatus implements WireEnum {
  OPEN("open"),
  AVAILABLE("available"),
  UNKNOWN("unknown");

  private final String wireValue;

  SettlementStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
