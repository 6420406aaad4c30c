package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;

/**
 * What a batch upsert did with one item. {@code UNKNOWN} stands for a value newer than this SDK.
 */
public enum BatchItemStatus implements WireEnum {
  CREATED("created"),
  UPDATED("updated"),
  UNCHANGED("unchanged"),
  FAILED("failed"),
  UNKNOWN("unknown");

  private final String wireValue;

  BatchItemStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
