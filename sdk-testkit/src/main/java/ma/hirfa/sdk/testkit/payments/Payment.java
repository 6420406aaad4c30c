package ma.hirfa.sdk.testkit.payments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the sandbox holds it. Mutable, and confined to {@link PaymentBook}'s lock: it is
 * read and changed only by code holding it. Its status changes only through {@link #move}, which
 * follows {@link PaymentTransitions}.
 */
final class Payment {
  String id = "";
  long seq;
  long amount;
  long captured;
  long refunded;
  String currency = "MAD";
  String status = PaymentTransitions.START;
  String captureMethod = "automatic";
  String methodType = "card";
  @Nullable String cardBrand;
  @Nullable String cardLast4;
  @Nullable String phoneLast2;
  String orderReference = "";
  String artisanId = "";
  @Nullable String nextAction;
  @Nullable String redirectUrl;
  @Nullable String qrPayload;
  @Nullable String voucherCode;
  @Nullable Instant expiresAt;

  /** When the pending step ends by itself (approved, paid, or failed with {@link #dueFailure}). */
  @Nullable Instant dueAt;

  @Nullable String dueFailure;
  @Nullable String failureCode;
  @Nullable String failureMessage;
  @Nullable String returnUrl;
  @Nullable String description;
  final Map<String, String> metadata = new LinkedHashMap<>();
  Instant createdAt = Instant.EPOCH;
  Instant updatedAt = Instant.EPOCH;
  long version;

  /** Set once the payment is created: later moves are new versions. */
  boolean stored;

  /**
   * Moves to {@code to} at {@code at} (a move after creation is a new version, dated {@code at}).
   *
   * @throws IllegalStateException if the state machine has no such move for this method
   */
  void move(String to, Instant at) {
    if (!PaymentTransitions.allowed(methodType, status, to)) {
      throw new IllegalStateException(
          methodType + " payment " + id + " cannot move from " + status + " to " + to);
    }
    status = to;
    if (!to.equals("requires_action")) {
      nextAction = null;
      dueAt = null;
    }
    if (stored) {
      touch(at);
    }
  }

  /** Marks a change that is not a move (a refund, a capture amount): new version and time. */
  void touch(Instant at) {
    version++;
    updatedAt = at;
  }

  /** The marketplace commission on what was captured (or, before capture, on the amount). */
  long fee() {
    long base = captured > 0 ? captured : amount;
    return (base * MagicInputs.FEE_BASIS_POINTS + 5_000) / 10_000;
  }

  /** The event a payment in this status announces. */
  String eventType() {
    return switch (status) {
      case "succeeded" -> "payment.succeeded";
      case "failed" -> "payment.failed";
      case "canceled" -> "payment.canceled";
      case "authorized" -> "payment.authorized";
      default -> "payment.requires_action";
    };
  }
}
