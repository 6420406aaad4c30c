package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;

/**
 * An order's state: {@code pending_payment} → {@code paid} → {@code shipped} → {@code delivered},
 * or {@code cancelled} before shipping. {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum OrderStatus implements WireEnum {
  PENDING_PAYMENT("pending_payment"),
  PAID("paid"),
  SHIPPED("shipped"),
  DELIVERED("delivered"),
  CANCELLED("cancelled"),
  UNKNOWN("unknown");

  private final String wireValue;

  OrderStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
