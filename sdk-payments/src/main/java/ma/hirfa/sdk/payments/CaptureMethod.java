package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/**
 * Whether a successful authorization is captured at once or by {@link PaymentService#capture}.
 * {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum CaptureMethod implements WireEnum {
  AUTOMATIC("automatic"),
  MANUAL("manual"),
  UNKNOWN("unknown");

  private final String wireValue;

  CaptureMethod(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
