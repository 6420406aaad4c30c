package ma.hirfa.sdk.payments;

import java.time.LocalDate;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * One day's settlement in one currency. {@code net = gross − fees + refunds + payouts} (refunds and
 * payouts are negative), and equals the sum of its lines' {@code net}.
 *
 * @param currency the ISO 4217 code of every amount of the settlement
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link
 *     SettlementStatus}
 * @param lineCount how many lines the settlement has
 */
public record Settlement(
    String id,
    LocalDate date,
    String currency,
    String statusAsString,
    Money gross,
    Money fees,
    Money refunds,
    Money payouts,
    Money net,
    int lineCount) {

  /** The status; {@link SettlementStatus#UNKNOWN} for a value newer than this SDK. */
  public SettlementStatus status() {
    return SettlementStatus.fromWire(statusAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
