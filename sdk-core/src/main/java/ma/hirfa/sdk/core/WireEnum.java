package ma.hirfa.sdk.core;

/**
 * An enum whose constants have a wire value, like {@code requires_action} for {@code
 * REQUIRES_ACTION}. Every such enum in a response model has an {@code UNKNOWN} constant: a value
 * added to the API after this SDK release decodes to {@code UNKNOWN} instead of failing, and {@link
 * OpenEnum} keeps the raw string.
 */
public interface WireEnum {
  /** The value as the API spells it. */
  String wireValue();
}
