package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/** A full or partial refund of a payment ({@code re_...}). */
public record Refund(
    String id,
    String paymentId,
    Money amount,
    RefundStatus status,
    @Nullable String reason,
    Instant createdAt) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
