package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/** Why a payment is refunded. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum RefundReason implements WireEnum {
  REQUESTED_BY_CUSTOMER("requested_by_customer"),
  DUPLICATE("duplicate"),
  FRAUDULENT("fraudulent"),
  DAMAGED_IN_TRANSIT("damaged_in_transit"),
  UNKNOWN("unknown");

  private static final WireEnums<RefundReason> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  RefundReason(String wireValue) {
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
  public static RefundReason fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
