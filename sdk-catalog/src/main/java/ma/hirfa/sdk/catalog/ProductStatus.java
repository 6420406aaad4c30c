package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * A product's life: {@code draft} (not shown to buyers), {@code active}, {@code archived}. {@code
 * UNKNOWN} stands for a value newer than this SDK.
 */
public enum ProductStatus implements WireEnum {
  DRAFT("draft"),
  ACTIVE("active"),
  ARCHIVED("archived"),
  UNKNOWN("unknown");

  private static final WireEnums<ProductStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  ProductStatus(String wireValue) {
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
  public static ProductStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
