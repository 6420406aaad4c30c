package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/** The state of a refund. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum RefundStatus implements WireEnum {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private static final WireEnums<RefundStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  RefundStatus(String wireValue) {
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
  public static RefundStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
