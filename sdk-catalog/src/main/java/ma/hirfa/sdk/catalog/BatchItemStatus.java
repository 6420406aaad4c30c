package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * What a batch upsert did with one item. {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum BatchItemStatus implements WireEnum {
  CREATED("created"),
  UPDATED("updated"),
  UNCHANGED("unchanged"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private static final WireEnums<BatchItemStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  BatchItemStatus(String wireValue) {
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
  public static BatchItemStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
