package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * One money movement of a settlement: a captured payment (positive amount, with the marketplace
 * fee), a refund or a payout (negative). {@code net = amount − fee}.
 *
 * @param typeAsString the type as the API sent it; {@link #type()} is its {@link
 *     SettlementLineType}
 * @param referenceId the {@code pay_}, {@code re_} or {@code po_} id
 */
public record SettlementLine(
    String id,
    String typeAsString,
    String referenceId,
    Money amount,
    Money fee,
    Money net,
    Instant occurredAt) {

  /** What the line records; {@link SettlementLineType#UNKNOWN} for a value newer than this SDK. */
  public SettlementLineType type() {
    return SettlementLineType.fromWire(typeAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
