package ma.hirfa.sdk.core;

/** Lookup of {@link WireEnum} constants by wire value. */
final class WireEnums {
  static final String UNKNOWN = "UNKNOWN";

  private WireEnums() {}

  /**
   * The constant of {@code type} whose wire value is {@code raw}, or its {@code UNKNOWN} constant.
   *
   * @throws IllegalArgumentException if {@code type} has no {@code UNKNOWN} constant and no match
   */
  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String raw) {
    E unknown = null;
    for (E constant : type.getEnumConstants()) {
      if (constant.wireValue().equals(raw)) {
        return constant;
      }
      if (constant.name().equals(UNKNOWN)) {
        unknown = constant;
      }
    }
    if (unknown == null) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no UNKNOWN constant");
    }
    return unknown;
  }
}
