package ma.hirfa.sdk.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What to collect, for whom and how. Validated when built: a bad value fails with a {@link
 * ValidationException} naming the field, and nothing is sent.
 *
 * <pre>{@code
 * PaymentCreateParams params = PaymentCreateParams.builder()
 *     .amount(Money.parse("1250.00", "MAD"))
 *     .orderReference("ORD-2026-000123")
 *     .artisanId("art_7QK2M9")
 *     .method(PaymentMethodInput.mobileWallet("0612345678"))
 *     .build();
 * }</pre>
 */
public record PaymentCreateParams(
    Money amount,
    String orderReference,
    String artisanId,
    PaymentMethodInput method,
    @Nullable CaptureMethod captureMethod,
    @Nullable String returnUrl,
    @Nullable String description,
    Map<String, String> metadata) {

  private static final Set<String> CURRENCIES = Set.of("MAD", "EUR", "USD");

  public PaymentCreateParams {
    PaymentChecks.positive("amount", amount);
    if (!CURRENCIES.contains(amount.currencyCode())) {
      throw new ValidationException(
          "amount.currency", "payments are in MAD, EUR or USD, not " + amount.currencyCode());
    }
    PaymentChecks.text("order_reference", orderReference, 64);
    PaymentChecks.artisanId("artisan_id", artisanId);
    PaymentChecks.required("method", method);
    if ((method.type() == PaymentMethodType.QR || method.type() == PaymentMethodType.CASH_VOUCHER)
        && !amount.currencyCode().equals("MAD")) {
      throw new ValidationException(
          "amount.currency", method.type().wireValue() + " payments are in MAD");
    }
    if (captureMethod == CaptureMethod.UNKNOWN) {
      throw new ValidationException("capture_method", "must be automatic or manual");
    }
    PaymentChecks.httpsUrl("return_url", returnUrl);
    if (description != null) {
      PaymentChecks.text("description", description, 500);
    }
    metadata = PaymentChecks.metadata(metadata);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PaymentCreateParams}; {@link #build()} validates. */
  public static final class Builder {
    private @Nullable Money amount;
    private @Nullable String orderReference;
    private @Nullable String artisanId;
    private @Nullable PaymentMethodInput method;
    private @Nullable CaptureMethod captureMethod;
    private @Nullable String returnUrl;
    private @Nullable String description;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder() {}

    /** Required: what the buyer pays, in MAD, EUR or USD. */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /** Required: the merchant's order reference, 1 to 64 characters. */
    public Builder orderReference(String orderReference) {
      this.orderReference = orderReference;
      return this;
    }

    /** Required: the artisan who receives the payment, {@code art_...}. */
    public Builder artisanId(String artisanId) {
      this.artisanId = artisanId;
      return this;
    }

    /** Required: how the buyer pays. */
    public Builder method(PaymentMethodInput method) {
      this.method = method;
      return this;
    }

    /** {@code AUTOMATIC} (default) or {@code MANUAL}: capture later with {@code capture}. */
    public Builder captureMethod(CaptureMethod captureMethod) {
      this.captureMethod = captureMethod;
      return this;
    }

    /** Where the buyer returns after 3-D Secure; https only. */
    public Builder returnUrl(String returnUrl) {
      this.returnUrl = returnUrl;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** At most 20 keys of up to 40 characters, values up to 500. */
    public Builder putMetadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    public PaymentCreateParams build() {
      return new PaymentCreateParams(
          PaymentChecks.required("amount", amount),
          PaymentChecks.required("order_reference", orderReference),
          PaymentChecks.required("artisan_id", artisanId),
          PaymentChecks.required("method", method),
          captureMethod,
          returnUrl,
          description,
          metadata);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
