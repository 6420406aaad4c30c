package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * Where an artisan's registration check stands. {@code UNKNOWN} stands for a value newer than this
 * SDK.
 */
public enum VerificationStatus implements WireEnum {
  PENDING("pending"),
  VERIFIED("verified"),
  REJECTED("rejected"),
  UNKNOWN("unknown");

  private static final WireEnums<VerificationStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  VerificationStatus(String wireValue) {
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
  public static VerificationStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
