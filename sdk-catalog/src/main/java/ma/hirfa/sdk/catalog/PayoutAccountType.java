package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.WireEnums;

/**
 * Where an artisan is paid: a RIB, an IBAN or a mobile wallet. {@code UNKNOWN} stands for a value
 * newer than this SDK.
 */
public enum PayoutAccountType implements WireEnum {
  RIB("rib"),
  IBAN("iban"),
  WALLET("wallet"),
  UNKNOWN("unknown");

  private static final WireEnums<PayoutAccountType> BY_WIRE = WireEnums.index(values());

  private final String wireValue;

  PayoutAccountType(String wireValue) {
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
  public static PayoutAccountType fromWire(String wireValue) {
    return BY_WIRE.get(wireValue);
  }
}
