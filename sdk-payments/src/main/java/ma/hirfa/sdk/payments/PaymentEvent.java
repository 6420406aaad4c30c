package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A verified webhook event of the Payments API, parsed by {@link PaymentEventParser}. Each type
 * carries the object as the API returns it; a type newer than this SDK is an {@link Unknown} that
 * keeps the raw JSON.
 *
 * <pre>{@code
 * PaymentEvent event = parser.parse(verifier.verify(headers, body));
 * if (event instanceof PaymentEvent.PaymentSucceeded e) {
 *   orders.markPaid(e.payment().orderReference());
 * }
 * }</pre>
 */
public sealed interface PaymentEvent {
  /** The {@code evt_} id: the same on every delivery of this event. */
  String id();

  /** The wire type, like {@code payment.succeeded}. */
  String type();

  Instant createdAt();

  /** {@code payment.requires_action}: the payer must act (3-D Secure, wallet, QR, voucher). */
  record PaymentRequiresAction(String id, Instant createdAt, Payment payment)
      implements PaymentEvent {
    @Override
    public String type() {
      return "payment.requires_action";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payment.authorized}: a manual-capture payment awaits capture. */
  record PaymentAuthorized(String id, Instant createdAt, Payment payment) implements PaymentEvent {
    @Override
    public String type() {
      return "payment.authorized";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payment.succeeded}: the money is collected. */
  record PaymentSucceeded(String id, Instant createdAt, Payment payment) implements PaymentEvent {
    @Override
    public String type() {
      return "payment.succeeded";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payment.failed}: see {@link Payment#failureCode()}. */
  record PaymentFailed(String id, Instant createdAt, Payment payment) implements PaymentEvent {
    @Override
    public String type() {
      return "payment.failed";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payment.canceled}. */
  record PaymentCanceled(String id, Instant createdAt, Payment payment) implements PaymentEvent {
    @Override
    public String type() {
      return "payment.canceled";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payment.captured}: a manual capture happened (in full or in part). */
  record PaymentCaptured(String id, Instant createdAt, Payment payment) implements PaymentEvent {
    @Override
    public String type() {
      return "payment.captured";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code refund.succeeded}. */
  record RefundSucceeded(String id, Instant createdAt, Refund refund) implements PaymentEvent {
    @Override
    public String type() {
      return "refund.succeeded";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code refund.failed}. */
  record RefundFailed(String id, Instant createdAt, Refund refund) implements PaymentEvent {
    @Override
    public String type() {
      return "refund.failed";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payout.paid}: the money reached the artisan's account. */
  record PayoutPaid(String id, Instant createdAt, Payout payout) implements PaymentEvent {
    @Override
    public String type() {
      return "payout.paid";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code payout.failed}: failed or returned; see {@link Payout#failureCode()}. */
  record PayoutFailed(String id, Instant createdAt, Payout payout) implements PaymentEvent {
    @Override
    public String type() {
      return "payout.failed";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code settlement.available}: a day closed; reconcile it. */
  record SettlementAvailable(String id, Instant createdAt, Settlement settlement)
      implements PaymentEvent {
    @Override
    public String type() {
      return "settlement.available";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** An event type this SDK does not know yet; {@code json} is the whole event as received. */
  record Unknown(String id, String type, Instant createdAt, String json) implements PaymentEvent {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }
}
