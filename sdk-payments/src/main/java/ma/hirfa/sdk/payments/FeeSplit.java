package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/** The marketplace commission and the artisan's share of a payment; they add up to its base. */
public record FeeSplit(Money platformFee, Money artisanAmount) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
