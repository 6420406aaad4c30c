package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * One money movement of a settlement: a captured payment (positive amount, with the marketplace
 * fee), a refund or a payout (negative). {@code net = amount − fee}.
 *
 * @param referenceId the {@code pay_}, {@code re_} or {@code po_} id
 */
public record SettlementLine(
    String id,
    SettlementLineType type,
    String referenceId,
    Money amount,
    Money fee,
    Money net,
    Instant occurredAt) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
