package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/**
 * The state of a payment: {@code requires_action} → {@code processing} → {@code succeeded} | {@code
 * failed} | {@code canceled}; manual capture adds {@code authorized}. {@code UNKNOWN} stands for a
 * value newer than this SDK.
 */
public enum PaymentStatus implements WireEnum {
  REQUIRES_ACTION("requires_action"),
  PROCESSING("processing"),
  AUTHORIZED("authorized"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  CANCELED("canceled"),
  UNKNOWN("unknown");

  private final String wireValue;

  PaymentStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
