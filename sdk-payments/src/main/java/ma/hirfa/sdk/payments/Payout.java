package ma.hirfa.sdk.payments;

import java.time.Instant;
import java.time.LocalDate;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/** A transfer in MAD to an artisan's RIB, IBAN or wallet ({@code po_...}). */
public record Payout(
    String id,
    String artisanId,
    Money amount,
    PayoutStatus status,
    Destination destination,
    @Nullable String failureCode,
    @Nullable LocalDate arrivalDate,
    Instant createdAt) {

  /** Where the payout went: the type and the last four digits only. */
  public record Destination(PayoutDestinationType type, String last4) {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
