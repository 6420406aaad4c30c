package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/**
 * The state of a payout: {@code pending} → {@code in_transit} → {@code paid} | {@code failed} |
 * {@code returned}. {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum PayoutStatus implements WireEnum {
  PENDING("pending"),
  IN_TRANSIT("in_transit"),
  PAID("paid"),
  FAILED("failed"),
  RETURNED("returned"),
  UNKNOWN("unknown");

  private final String wireValue;

  PayoutStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
