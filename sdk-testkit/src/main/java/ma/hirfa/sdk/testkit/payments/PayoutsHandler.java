package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.SandboxChecks;

/**
 * Payouts over the API: {@code createPayout}, {@code listPayouts}, {@code getPayout}. A payout
 * moves along on the sandbox clock ({@link PaymentBook} applies it); a RIB starting with {@link
 * MagicInputs#PAYOUT_RETURNED_RIB_PREFIX} comes back {@code returned}.
 */
public final class PayoutsHandler {
  private final PaymentBook book;
  private final Clock clock;

  /** Payouts kept in {@code book}, on {@code clock}. */
  public PayoutsHandler(PaymentBook book, Clock clock) {
    this.book = book;
    this.clock = clock;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "createPayout", (e, r) -> create(e),
        "listPayouts", (e, r) -> list(e),
        "getPayout", (e, r) -> get(r.param("id")));
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode body = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    long amount = MoneyInput.amount(body.path("amount"), "amount", errors, "MAD");
    JsonNode d = body.path("destination");
    String type = d.path("type").asText();
    String last4 = "";
    boolean returned = false;
    String prefix = MagicInputs.PAYOUT_RETURNED_RIB_PREFIX;
    switch (type) {
      case "rib" -> {
        String rib = d.path("rib").asText("");
        if (!SandboxChecks.rib(rib)) {
          errors.add(
              "destination.rib", "invalid_rib", "a RIB is 24 digits with a valid mod-97 key");
        } else {
          last4 = rib.substring(20);
          returned = rib.startsWith(prefix);
        }
      }
      case "iban" -> {
        String iban = d.path("iban").asText("");
        if (!SandboxChecks.iban(iban)) {
          errors.add(
              "destination.iban",
              "invalid_iban",
              "a Moroccan IBAN is MA, 2 check digits and the 24-digit RIB");
        } else {
          last4 = iban.substring(24);
          returned = iban.startsWith(prefix, 4);
        }
      }
      case "wallet" -> {
        String phone = SandboxChecks.mobileE164(d.path("phone").asText(null));
        if (phone == null) {
          errors.add("destination.phone", "invalid_phone", "a Moroccan mobile number is required");
        } else {
          last4 = phone.substring(phone.length() - 4);
        }
      }
      default -> errors.add("destination.type", "invalid_destination", "rib, iban or wallet");
    }
    errors.throwIfAny();
    synchronized (book.lock) {
      Payout po = new Payout();
      po.id = book.newId("po");
      po.seq = book.nextSeq();
      po.artisanId = body.path("artisan_id").asText();
      po.amount = amount;
      po.destinationType = type;
      po.last4 = last4;
      po.returned = returned;
      po.createdAt = clock.instant();
      book.add(po);
      return Exchange.Response.json(201, PaymentJson.render(po));
    }
  }

  private Exchange.Response list(Exchange e) {
    String artisan = e.queryParam("artisan_id");
    synchronized (book.lock) {
      return Exchange.Response.json(
          200,
          Pages.page(
              e,
              book.payouts,
              p -> p.seq,
              p -> artisan == null || artisan.equals(p.artisanId),
              PaymentJson::render));
    }
  }

  private Exchange.Response get(String id) {
    synchronized (book.lock) {
      return Exchange.Response.json(200, PaymentJson.render(book.payout(id)));
    }
  }
}
