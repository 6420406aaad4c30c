package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/** The state of a refund. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum RefundStatus implements WireEnum {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private final String wireValue;

  RefundStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
