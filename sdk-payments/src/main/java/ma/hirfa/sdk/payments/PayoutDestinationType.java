package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/** Where a payout is sent. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum PayoutDestinationType implements WireEnum {
  RIB("rib"),
  IBAN("iban"),
  WALLET("wallet"),
  UNKNOWN("unknown");

  private final String wireValue;

  PayoutDestinationType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
