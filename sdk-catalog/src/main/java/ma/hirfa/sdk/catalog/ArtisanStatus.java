package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * The register status of an artisan: artisan, maâlem (master, 10+ years), cooperative or handicraft
 * enterprise; cooperatives and enterprises give their ICE. {@code UNKNOWN} stands for a value newer
 * than this SDK.
 */
public enum ArtisanStatus implements WireEnum {
  ARTISAN("artisan"),
  MAALEM("maalem"),
  COOPERATIVE("cooperative"),
  ENTERPRISE("enterprise"),
  UNKNOWN("unknown");

  private static final WireEnums<ArtisanStatus> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  ArtisanStatus(String wireValue) {
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
  public static ArtisanStatus fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
