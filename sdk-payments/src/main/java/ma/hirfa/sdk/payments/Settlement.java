package ma.hirfa.sdk.payments;

import java.time.LocalDate;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * One day's settlement in one currency. {@code net = gross − fees + refunds + payouts} (refunds and
 * payouts are negative), and equals the sum of its lines' {@code net}.
 */
public record Settlement(
    String id,
    LocalDate date,
    String currency,
    SettlementStatus status,
    Money gross,
    Money fees,
    Money refunds,
    Money payouts,
    Money net,
    int lineCount) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
