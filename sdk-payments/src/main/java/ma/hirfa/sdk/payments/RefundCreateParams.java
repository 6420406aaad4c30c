package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A refund of a payment: in full ({@code amount} null: whatever remains) or in part. The API
 * refuses more than remains; {@link #partial(Payment, Money)} checks it before anything is sent.
 *
 * <pre>{@code
 * Refund refund = client.refunds().create(RefundCreateParams.partial(payment, Money.parse("250.00", "MAD")));
 * }</pre>
 */
public record RefundCreateParams(
    String paymentId, @Nullable Money amount, @Nullable RefundReason reason) {
  public RefundCreateParams {
    PaymentChecks.paymentId("payment_id", paymentId);
    if (amount != null) {
      PaymentChecks.positive("amount", amount);
    }
    if (reason == RefundReason.UNKNOWN) {
      throw new ValidationException("reason", "must be a known refund reason");
    }
  }

  /** Refunds whatever remains of the payment. */
  public static RefundCreateParams full(String paymentId) {
    return new RefundCreateParams(paymentId, null, null);
  }

  /** Refunds {@code amount} of the payment. */
  public static RefundCreateParams partial(String paymentId, Money amount) {
    return new RefundCreateParams(paymentId, amount, null);
  }

  /**
   * Refunds {@code amount} of a payment you just read, refusing at once an amount above {@link
   * Payment#refundable()} or in another currency (a {@link ValidationException} naming {@code
   * amount}). The API checks again: a refund made meanwhile may leave less.
   */
  public static RefundCreateParams partial(Payment payment, Money amount) {
    PaymentChecks.required("payment", payment);
    PaymentChecks.positive("amount", amount);
    Money remaining = payment.refundable();
    if (!amount.currencyCode().equals(remaining.currencyCode())) {
      throw new ValidationException(
          "amount.currency", "the payment is in " + remaining.currencyCode());
    }
    if (amount.compareTo(remaining) > 0) {
      throw new ValidationException("amount", "exceeds what remains to refund (" + remaining + ")");
    }
    return partial(payment.id(), amount);
  }

  public RefundCreateParams withReason(RefundReason reason) {
    return new RefundCreateParams(paymentId, amount, reason);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
