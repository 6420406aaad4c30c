package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

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

  private static final WireEnums<PayoutStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  PayoutStatus(String wireValue) {
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
  public static PayoutStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
