package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * How much of an authorized payment to capture: all of it, or part of it (at most what was
 * authorized; the API refuses more).
 *
 * <pre>{@code
 * client.payments().capture(id, PaymentCaptureParams.full());
 * client.payments().capture(id, PaymentCaptureParams.amount(Money.parse("1000.00", "MAD")));
 * }</pre>
 *
 * @param amount the amount to capture, or null for everything authorized
 */
public record PaymentCaptureParams(@Nullable Money amount) {
  private static final PaymentCaptureParams FULL = new PaymentCaptureParams(null);

  public PaymentCaptureParams {
    if (amount != null) {
      PaymentChecks.positive("amount", amount);
    }
  }

  /** Captures everything that was authorized. */
  public static PaymentCaptureParams full() {
    return FULL;
  }

  /** Captures {@code amount}, positive and at most what was authorized. */
  public static PaymentCaptureParams amount(Money amount) {
    return new PaymentCaptureParams(PaymentChecks.positive("amount", amount));
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
