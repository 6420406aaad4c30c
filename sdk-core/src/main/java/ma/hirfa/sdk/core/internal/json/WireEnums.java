package ma.hirfa.sdk.core.internal.json;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.WireEnum;

/**
 * The lookup behind every response enum's {@code fromWire}: wire value to constant, and the {@code
 * UNKNOWN} constant for a value newer than this SDK. Built once per enum (in its static
 * initialiser), read without locking.
 *
 * @param <E> an enum with a wire value per constant and an {@code UNKNOWN} constant
 */
public final class WireEnums<E extends Enum<E> & WireEnum> {
  private static final String UNKNOWN = "UNKNOWN";

  private final Map<String, E> byWire;
  private final E unknown;

  private WireEnums(Map<String, E> byWire, E unknown) {
    this.byWire = byWire;
    this.unknown = unknown;
  }

  /**
   * Indexes {@code constants} (an enum's {@code values()}) by wire value.
   *
   * @throws IllegalStateException if two constants share a wire value or none is {@code UNKNOWN}: a
   *     mistake in the SDK's own enum, found by the first test that touches it
   */
  public static <E extends Enum<E> & WireEnum> WireEnums<E> index(E[] constants) {
    Map<String, E> byWire = new HashMap<>();
    E unknown = null;
    for (E constant : constants) {
      if (byWire.put(constant.wireValue(), constant) != null) {
        throw new IllegalStateException(
            constant.getDeclaringClass().getSimpleName()
                + " has two constants with the wire value "
                + constant.wireValue());
      }
      if (constant.name().equals(UNKNOWN)) {
        unknown = constant;
      }
    }
    if (unknown == null) {
      throw new IllegalStateException("a response enum needs an UNKNOWN constant");
    }
    return new WireEnums<>(Map.copyOf(byWire), unknown);
  }

  /** The constant whose wire value is {@code wireValue}, or {@code UNKNOWN}. */
  public E get(String wireValue) {
    Objects.requireNonNull(wireValue, "wireValue == null");
    E constant = byWire.get(wireValue);
    return constant == null ? unknown : constant;
  }
}
