package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A full or partial refund of a payment ({@code re_...}).
 *
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link
 *     RefundStatus}
 * @param reason why it was refunded, like {@code requested_by_customer}, as sent
 */
public record Refund(
    String id,
    String paymentId,
    Money amount,
    String statusAsString,
    @Nullable String reason,
    Instant createdAt) {

  /** The status; {@link RefundStatus#UNKNOWN} for a value newer than this SDK. */
  public RefundStatus status() {
    return RefundStatus.fromWire(statusAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
