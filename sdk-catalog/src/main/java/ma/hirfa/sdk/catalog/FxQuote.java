package ma.hirfa.sdk.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A time-stamped exchange rate between MAD and EUR or USD, to show foreign buyers prices in their
 * currency. Artisans are still paid in MAD: the quote is for display and for the order's display
 * total, and says its rate and time.
 *
 * @param rate units of {@code to} per unit of {@code from}, as a decimal string (never a float)
 * @param sample true for the sandbox's illustrative rates, which are not market data
 */
public record FxQuote(
    String id,
    String from,
    String to,
    String rate,
    Instant quotedAt,
    Instant expiresAt,
    boolean sample) {

  /** The rate as a decimal. */
  public BigDecimal rateValue() {
    return new BigDecimal(rate);
  }

  public boolean isExpired(Clock clock) {
    return clock.instant().isAfter(expiresAt);
  }

  /** {@code amount} (in {@link #from()}) in {@link #to()}, rounded half-up to its minor unit. */
  public Money convert(Money amount) {
    if (!amount.currencyCode().equals(from)) {
      throw new ValidationException(
          "amount.currency",
          "must be " + from + " for this quote but was " + amount.currencyCode());
    }
    int digits = Currency.getInstance(to).getDefaultFractionDigits();
    BigDecimal converted =
        amount.toBigDecimal().multiply(rateValue()).setScale(digits, RoundingMode.HALF_UP);
    return Money.ofMajor(converted, to);
  }

  /** A price with its converted display amount and this quote, ready to show. */
  public DisplayPrice display(Money price) {
    return new DisplayPrice(price, convert(price), this);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
