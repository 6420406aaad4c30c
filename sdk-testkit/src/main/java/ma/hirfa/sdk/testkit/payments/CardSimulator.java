package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.SandboxChecks;

/**
 * Cards: approved at once, except the magic cards of {@link MagicInputs} (3-D Secure, declined,
 * insufficient funds). A 3-D Secure step waits for the cardholder ({@code POST /sandbox/3ds/{id}},
 * or {@code Sandbox.completeThreeDs}).
 */
final class CardSimulator implements PaymentSimulator {
  private final Supplier<String> baseUrl;

  /** {@code baseUrl} is where the 3-D Secure page is, the sandbox's own address. */
  CardSimulator(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String method() {
    return "card";
  }

  @Override
  public void check(JsonNode method, String currency, Instant now, Problems.FieldErrors errors) {
    String number = method.path("card").path("number").asText();
    if (!SandboxChecks.luhn(number)) {
      errors.add(
          "method.card.number", "invalid_card_number", "the card number fails the Luhn check");
    }
    int year = method.path("card").path("exp_year").asInt();
    int month = method.path("card").path("exp_month").asInt();
    ZonedDateTime today = now.atZone(ZoneOffset.UTC);
    if (year < today.getYear() || (year == today.getYear() && month < today.getMonthValue())) {
      errors.add("method.card.exp_year", "card_expired", "the card has expired");
    }
  }

  @Override
  public void start(Payment p, JsonNode method, Instant now, PaymentBook book) {
    String number = method.path("card").path("number").asText();
    p.cardLast4 = number.substring(number.length() - 4);
    p.cardBrand = number.startsWith("4") ? "visa" : number.startsWith("5") ? "mastercard" : "cmi";
    synchronized (book.lock) { // held by the caller already: the book's outcomes require it
      start(p, number, now, book);
    }
  }

  @GuardedBy("book.lock")
  private void start(Payment p, String number, Instant now, PaymentBook book) {
    switch (number) {
      case MagicInputs.CARD_3DS -> {
        p.move("requires_action", now);
        p.nextAction = "redirect_to_url";
        p.redirectUrl = baseUrl.get() + "sandbox/3ds/" + p.id;
        p.expiresAt = now.plus(MagicInputs.QR_AND_3DS_EXPIRY);
      }
      case MagicInputs.CARD_DECLINED ->
          book.fail(p, "card_declined", "the issuer declined the card", now);
      case MagicInputs.CARD_INSUFFICIENT_FUNDS ->
          book.fail(p, "insufficient_funds", "the card has insufficient funds", now);
      default -> book.approve(p, now);
    }
  }
}
