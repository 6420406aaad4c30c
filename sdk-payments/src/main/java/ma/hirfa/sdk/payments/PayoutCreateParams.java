package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/** A payout of {@code amount} (MAD only) to an artisan's {@link PayoutDestination}. */
public record PayoutCreateParams(
    String artisanId, Money amount, PayoutDestination destination, @Nullable String description) {

  public PayoutCreateParams {
    PaymentChecks.artisanId("artisan_id", artisanId);
    PaymentChecks.positive("amount", amount);
    if (!amount.currencyCode().equals("MAD")) {
      throw new ValidationException(
          "amount.currency", "payouts are in MAD, not " + amount.currencyCode());
    }
    PaymentChecks.required("destination", destination);
    if (description != null) {
      PaymentChecks.text("description", description, 200);
    }
  }

  public static PayoutCreateParams of(
      String artisanId, Money amount, PayoutDestination destination) {
    return new PayoutCreateParams(artisanId, amount, destination, null);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
