package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;

/**
 * Where an artisan's registration check stands. {@code UNKNOWN} stands for a value newer than this
 * SDK.
 */
public enum VerificationStatus implements WireEnum {
  PENDING("pending"),
  VERIFIED("verified"),
  REJECTED("rejected"),
  UNKNOWN("unknown");

  private final String wireValue;

  VerificationStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
