package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A refund of a payment: in full ({@code amount} null: whatever remains) or in part. The API
 * refuses more than remains; {@link RefundService#create(Payment, Money)} checks it before sending.
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

  public RefundCreateParams withReason(RefundReason reason) {
    return new RefundCreateParams(paymentId, amount, reason);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
