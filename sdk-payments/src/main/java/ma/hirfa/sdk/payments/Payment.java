package ma.hirfa.sdk.payments;

import java.time.Instant;
import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A payment collected for an artisan's sale.
 *
 * @param id {@code pay_...}
 * @param amount what the buyer pays
 * @param amountCaptured what was captured (less than {@code amount} after a partial capture)
 * @param amountRefunded what was refunded so far
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link
 *     PaymentStatus}
 * @param captureMethodAsString {@code automatic} or {@code manual} as sent; {@link
 *     #captureMethod()} is its {@link CaptureMethod}
 * @param method how the buyer pays; card and phone numbers are never returned whole
 * @param orderReference the merchant's order reference
 * @param artisanId the beneficiary artisan
 * @param feeSplit the marketplace commission and the artisan's share
 * @param nextAction what the payer must do, while {@code status} is {@code requires_action}
 * @param failureCode why the payment failed, like {@code card_declined}
 * @param failureMessage a human-readable explanation of the failure
 * @param returnUrl where the buyer returns after 3-D Secure
 * @param description the merchant's description
 * @param metadata the merchant's key-value pairs
 * @param createdAt when the payment was created
 * @param updatedAt when it last changed
 * @param livemode false in the sandbox and with {@code sk_test_} keys
 */
public record Payment(
    String id,
    Money amount,
    Money amountCaptured,
    Money amountRefunded,
    String statusAsString,
    String captureMethodAsString,
    PaymentMethodDetails method,
    String orderReference,
    String artisanId,
    FeeSplit feeSplit,
    @Nullable NextAction nextAction,
    @Nullable String failureCode,
    @Nullable String failureMessage,
    @Nullable String returnUrl,
    @Nullable String description,
    Map<String, String> metadata,
    Instant createdAt,
    Instant updatedAt,
    boolean livemode) {

  public Payment {
    metadata = Map.copyOf(metadata);
  }

  /** The status; {@link PaymentStatus#UNKNOWN} for a value newer than this SDK. */
  public PaymentStatus status() {
    return PaymentStatus.fromWire(statusAsString);
  }

  /** How it is captured; {@link CaptureMethod#UNKNOWN} for a value newer than this SDK. */
  public CaptureMethod captureMethod() {
    return CaptureMethod.fromWire(captureMethodAsString);
  }

  /** What can still be refunded: captured minus refunded. */
  public Money refundable() {
    return amountCaptured.minus(amountRefunded);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
