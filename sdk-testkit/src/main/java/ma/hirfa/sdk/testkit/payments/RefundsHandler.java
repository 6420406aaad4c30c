package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Refunds over the API: {@code createRefund}, {@code listRefunds}, {@code getRefund}. A refund
 * never exceeds what remains of the captured amount; amounts ending in {@link
 * MagicInputs#REFUND_FAILS_CENTIMES} centimes fail at the acquirer.
 */
public final class RefundsHandler {
  private final PaymentBook book;
  private final Clock clock;

  /** Refunds of the payments in {@code book}, on {@code clock}. */
  public RefundsHandler(PaymentBook book, Clock clock) {
    this.book = book;
    this.clock = clock;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "createRefund", (e, r) -> create(e),
        "listRefunds", (e, r) -> list(e),
        "getRefund", (e, r) -> get(r.param("id")));
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode body = e.jsonBody();
    synchronized (book.lock) {
      Payment p = book.payment(body.path("payment_id").asText());
      if (!p.status.equals("succeeded")) {
        throw new Exchange.ApiError(
            Problems.conflict(
                "payment_not_refundable",
                "only a succeeded payment can be refunded; it is " + p.status));
      }
      long remaining = p.captured - p.refunded;
      long amount = remaining;
      Problems.FieldErrors errors = new Problems.FieldErrors();
      if (body.has("amount")) {
        amount = MoneyInput.amount(body.path("amount"), "amount", errors, p.currency);
      }
      if (amount > remaining) {
        errors.add(
            "amount",
            "refund_exceeds_remaining",
            "at most " + remaining + " minor units remain to refund");
      }
      if (remaining == 0) {
        errors.add("payment_id", "fully_refunded", "the payment is already fully refunded");
      }
      errors.throwIfAny();
      Instant now = clock.instant();
      Refund r = new Refund();
      r.id = book.newId("re");
      r.seq = book.nextSeq();
      r.paymentId = p.id;
      r.amount = amount;
      r.currency = p.currency;
      r.reason = MoneyInput.text(body, "reason");
      r.createdAt = now;
      r.failed = amount % 100 == MagicInputs.REFUND_FAILS_CENTIMES;
      if (!r.failed) {
        book.refunded(p, r, now);
      }
      book.add(r);
      ObjectNode json = PaymentJson.render(r);
      book.emitRefund(r.failed ? "refund.failed" : "refund.succeeded", json, now);
      return Exchange.Response.json(201, json);
    }
  }

  private Exchange.Response list(Exchange e) {
    String paymentId = e.queryParam("payment_id");
    synchronized (book.lock) {
      return Exchange.Response.json(
          200,
          Pages.page(
              e,
              book.refunds,
              r -> r.seq,
              r -> paymentId == null || paymentId.equals(r.paymentId),
              PaymentJson::render));
    }
  }

  private Exchange.Response get(String id) {
    synchronized (book.lock) {
      return Exchange.Response.json(200, PaymentJson.render(book.refund(id)));
    }
  }
}
