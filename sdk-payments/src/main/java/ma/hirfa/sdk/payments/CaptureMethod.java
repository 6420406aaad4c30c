package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * Whether a successful authorization is captured at once or by {@link PaymentService#capture}.
 * {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum CaptureMethod implements WireEnum {
  AUTOMATIC("automatic"),
  MANUAL("manual"),
  UNKNOWN("unknown");

  private static final WireEnums<CaptureMethod> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  CaptureMethod(String wireValue) {
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
  public static CaptureMethod fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
