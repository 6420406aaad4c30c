package ma.hirfa.sdk.payments;

import java.time.Instant;
import java.time.LocalDate;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A transfer in MAD to an artisan's RIB, IBAN or wallet ({@code po_...}).
 *
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link
 *     PayoutStatus}
 */
public record Payout(
    String id,
    String artisanId,
    Money amount,
    String statusAsString,
    Destination destination,
    @Nullable String failureCode,
    @Nullable LocalDate arrivalDate,
    Instant createdAt) {

  /** The status; {@link PayoutStatus#UNKNOWN} for a value newer than this SDK. */
  public PayoutStatus status() {
    return PayoutStatus.fromWire(statusAsString);
  }

  /**
   * Where the payout went: the type and, when the API gives them, the last four digits only.
   *
   * @param typeAsString the type as the API sent it; {@link #type()} is its {@link
   *     PayoutDestinationType}
   * @param last4 the last four digits of the RIB, IBAN or phone number; null when the API does not
   *     send them (the contract makes them optional)
   */
  public record Destination(String typeAsString, @Nullable String last4) {
    /** The type; {@link PayoutDestinationType#UNKNOWN} for a value newer than this SDK. */
    public PayoutDestinationType type() {
      return PayoutDestinationType.fromWire(typeAsString);
    }

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
