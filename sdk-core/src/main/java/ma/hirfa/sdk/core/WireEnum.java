package ma.hirfa.sdk.core;

/**
 * An enum whose constants have a wire value, like {@code requires_action} for {@code
 * REQUIRES_ACTION}.
 *
 * <p>The API may add values at any time, so a response model never holds such an enum alone: it
 * keeps the string the API sent and derives the constant from it. Every enum-typed field comes as a
 * pair of accessors, the constant and the raw string:
 *
 * <pre>{@code
 * switch (payment.status()) {
 *   case SUCCEEDED -> ship(order);
 *   case UNKNOWN -> log.warn("payment status {} is newer than this SDK", payment.statusAsString());
 *   default -> {}
 * }
 * }</pre>
 *
 * <p>{@code x()} returns the matching constant, or the enum's {@code UNKNOWN} constant for a value
 * newer than this SDK; {@code xAsString()} always returns the string the API sent. Each response
 * enum has a static {@code fromWire(String)} doing the same mapping, for values you stored.
 */
public interface WireEnum {
  /** The value as the API spells it. */
  String wireValue();
}
