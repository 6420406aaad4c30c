package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.WireEnum;

/** Why a payment is refunded. {@code UNKNOWN} stands for a value newer than this SDK. */
public enum RefundReason implements WireEnum {
  REQUESTED_BY_CUSTOMER("requested_by_customer"),
  DUPLICATE("duplicate"),
  FRAUDULENT("fraudulent"),
  DAMAGED_IN_TRANSIT("damaged_in_transit"),
  UNKNOWN("unknown");

  private final String wireValue;

  RefundReason(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
