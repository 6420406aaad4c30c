package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

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

  private static final WireEnums<OrderStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  OrderStatus(String wireValue) {
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
  public static OrderStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
