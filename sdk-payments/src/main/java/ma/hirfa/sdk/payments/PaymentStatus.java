package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

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

  private static final WireEnums<PaymentStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  PaymentStatus(String wireValue) {
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
  public static PaymentStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
