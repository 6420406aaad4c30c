package ma.hirfa.sdk.testkit.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payout: {@code pending}, {@code in_transit} after {@link MagicInputs#PAYOUT_IN_TRANSIT}, then
 * {@code paid} (or {@code returned}) after {@link MagicInputs#PAYOUT_ARRIVAL}. Confined to {@link
 * PaymentBook}'s lock.
 */
final class Payout {
  String id = "";
  long seq;
  String artisanId = "";
  long amount;
  String destinationType = "rib";
  String last4 = "";
  boolean returned;
  String status = "pending";
  @Nullable String failureCode;
  Instant createdAt = Instant.EPOCH;
}
