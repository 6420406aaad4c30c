package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * How a payment was made, with only the last digits of card or phone numbers.
 *
 * @param typeAsString the method as the API sent it; {@link #type()} is its {@link
 *     PaymentMethodType}
 */
public record PaymentMethodDetails(
    String typeAsString,
    @Nullable String cardBrand,
    @Nullable String cardLast4,
    @Nullable String phoneLast2) {

  /** The method; {@link PaymentMethodType#UNKNOWN} for a value newer than this SDK. */
  public PaymentMethodType type() {
    return PaymentMethodType.fromWire(typeAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
