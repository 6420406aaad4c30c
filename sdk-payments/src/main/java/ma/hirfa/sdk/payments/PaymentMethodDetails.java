package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/** How a payment was made, with only the last digits of card or phone numbers. */
public record PaymentMethodDetails(
    PaymentMethodType type,
    @Nullable String cardBrand,
    @Nullable String cardLast4,
    @Nullable String phoneLast2) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
