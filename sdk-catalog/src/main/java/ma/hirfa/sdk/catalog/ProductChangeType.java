package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * What a change of the feed does: {@code upsert} (create or replace) or {@code delete}. {@code
 * UNKNOWN} stands for a value newer than this SDK.
 */
public enum ProductChangeType implements WireEnum {
  UPSERT("upsert"),
  DELETE("delete"),
  UNKNOWN("unknown");

  private static final WireEnums<ProductChangeType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  ProductChangeType(String wireValue) {
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
  public static ProductChangeType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
