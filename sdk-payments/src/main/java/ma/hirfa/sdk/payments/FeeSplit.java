package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;

/** The marketplace commission and the artisan's share of a payment; they add up to its base. */
public record FeeSplit(Money platformFee, Money artisanAmount) {}
