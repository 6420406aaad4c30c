package ma.hirfa.sdk.testkit.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One refund; confined to {@link PaymentBook}'s lock. */
final class Refund {
  String id = "";
  long seq;
  String paymentId = "";
  long amount;
  String currency = "MAD";
  @Nullable String reason;
  boolean failed;
  Instant createdAt = Instant.EPOCH;
}
