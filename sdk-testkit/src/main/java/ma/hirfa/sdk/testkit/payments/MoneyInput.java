package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.SandboxChecks;
import org.jspecify.annotations.Nullable;

/** Reads the Money objects of requests. */
final class MoneyInput {
  private MoneyInput() {}

  /** A positive amount in minor units of a known currency (and of {@code expectedCurrency}). */
  static long amount(
      JsonNode money,
      String field,
      Problems.FieldErrors errors,
      @Nullable String expectedCurrency) {
    JsonNode minor = money.path("amount_minor");
    String currency = money.path("currency").asText();
    if (!minor.isIntegralNumber() || !minor.canConvertToLong()) {
      errors.add(field + ".amount_minor", "must_be_integer", "an integer number of minor units");
      return 0;
    }
    long value = minor.asLong();
    if (value <= 0) {
      errors.add(field + ".amount_minor", "must_be_positive", "the amount must be positive");
    }
    if (SandboxChecks.minorDigits(currency) < 0) {
      errors.add(field + ".currency", "invalid_currency", "an ISO 4217 code like MAD");
    } else if (expectedCurrency != null && !expectedCurrency.equals(currency)) {
      errors.add(
          field + ".currency", "currency_mismatch", "the amount must be in " + expectedCurrency);
    }
    return value;
  }

  /** A nullable text field. */
  static @Nullable String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
