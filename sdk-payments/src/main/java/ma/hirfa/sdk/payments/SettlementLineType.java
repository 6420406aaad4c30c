package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/** What a settlement line records. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum SettlementLineType implements WireEnum {
  PAYMENT("payment"),
  REFUND("refund"),
  PAYOUT("payout"),
  UNKNOWN("unknown");

  private final String wireValue;

  SettlementLineType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
