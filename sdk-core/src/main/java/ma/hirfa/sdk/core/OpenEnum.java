package ma.hirfa.sdk.core;

import java.util.Objects;

/**
 * A value of an API enum that may be newer than this SDK: {@link #value()} is the matching
 * constant, or {@code UNKNOWN}; {@link #raw()} is always the string the API sent.
 *
 * <pre>{@code
 * switch (payment.status().value()) {
 *   case SUCCEEDED -> ship(order);
 *   case UNKNOWN -> log.warn("new payment status {}", payment.status().raw());
 *   default -> {}
 * }
 * }</pre>
 *
 * @param <E> an enum with a wire value per constant and an {@code UNKNOWN} constant
 */
public final class OpenEnum<E extends Enum<E> & WireEnum> {
  private final E value;
  private final String raw;

  private OpenEnum(E value, String raw) {
    this.value = value;
    this.raw = raw;
  }

  /** The constant whose wire value is {@code raw}, or {@code UNKNOWN} keeping {@code raw}. */
  public static <E extends Enum<E> & WireEnum> OpenEnum<E> of(Class<E> type, String raw) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(raw, "raw == null");
    return new OpenEnum<>(WireEnums.parse(type, raw), raw);
  }

  /** A known constant; its raw value is its wire value. */
  public static <E extends Enum<E> & WireEnum> OpenEnum<E> of(E value) {
    Objects.requireNonNull(value, "value == null");
    return new OpenEnum<>(value, value.wireValue());
  }

  public E value() {
    return value;
  }

  public String raw() {
    return raw;
  }

  /** False when this SDK release does not know the value. */
  public boolean isKnown() {
    return !value.name().equals(WireEnums.UNKNOWN);
  }

  public boolean is(E constant) {
    return value == constant && isKnown();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenEnum<?> e
        && value.getDeclaringClass() == e.value.getDeclaringClass()
        && raw.equals(e.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return raw;
  }
}
