package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;

/**
 * A product's life: {@code draft} (not shown to buyers), {@code active}, {@code archived}. {@code
 * UNKNOWN} stands for a value newer than this SDK.
 */
public enum ProductStatus implements WireEnum {
  DRAFT("draft"),
  ACTIVE("active"),
  ARCHIVED("archived"),
  UNKNOWN("unknown");

  private final String wireValue;

  ProductStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
