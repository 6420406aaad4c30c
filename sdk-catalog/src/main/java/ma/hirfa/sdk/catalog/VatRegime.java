package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * The VAT regime of a product: standard 20 %, locally made carpets exempt, small producers exempt,
 * export exempt with deduction. A per-product setting, never a constant. {@code UNKNOWN} stands for
 * a value newer than this SDK.
 */
public enum VatRegime implements WireEnum {
  STANDARD_20("standard_20"),
  EXEMPT_CARPET("exempt_carpet"),
  EXEMPT_SMALL_PRODUCER("exempt_small_producer"),
  EXPORT_EXEMPT("export_exempt"),
  UNKNOWN("unknown");

  private static final WireEnums<VatRegime> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  VatRegime(String wireValue) {
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
  public static VatRegime fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
