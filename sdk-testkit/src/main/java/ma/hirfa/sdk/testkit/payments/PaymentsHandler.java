package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Payments over the API: {@code createPayment}, {@code listPayments}, {@code getPayment}, {@code
 * capturePayment}, {@code cancelPayment}, and the sandbox's 3-D Secure page. Each method's
 * behaviour is its {@code PaymentSimulator}'s.
 */
public final class PaymentsHandler {
  private final PaymentBook book;
  private final Clock clock;
  private final Predicate<String> artisanKnown;
  private final Map<String, PaymentSimulator> simulators;

  /**
   * Payments kept in {@code book}, on {@code clock}, for artisans {@code artisanKnown} accepts;
   * {@code baseUrl} is the sandbox's address (for the 3-D Secure page).
   */
  public PaymentsHandler(
      PaymentBook book, Clock clock, Predicate<String> artisanKnown, Supplier<String> baseUrl) {
    this.book = book;
    this.clock = clock;
    this.artisanKnown = artisanKnown;
    this.simulators =
        Map.of(
            "card", new CardSimulator(baseUrl),
            "mobile_wallet", new WalletSimulator(),
            "qr", new QrSimulator(),
            "cash_voucher", new CashVoucherSimulator());
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "createPayment", (e, r) -> create(e),
        "listPayments", (e, r) -> list(e),
        "getPayment", (e, r) -> get(e, r.param("id")),
        "capturePayment", (e, r) -> capture(e, r.param("id")),
        "cancelPayment", (e, r) -> cancel(r.param("id")));
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode body = e.jsonBody();
    Instant now = clock.instant();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    long amount = MoneyInput.amount(body.path("amount"), "amount", errors, null);
    String currency = body.path("amount").path("currency").asText();
    if (!currency.isEmpty() && !List.of("MAD", "EUR", "USD").contains(currency)) {
      errors.add("amount.currency", "unsupported_currency", "payments are in MAD, EUR or USD");
    }
    String returnUrl = MoneyInput.text(body, "return_url");
    if (returnUrl != null && !returnUrl.startsWith("https://")) {
      errors.add("return_url", "must_be_https", "the return URL must use https");
    }
    String artisanId = body.path("artisan_id").asText();
    if (!artisanKnown.test(artisanId)) {
      errors.add("artisan_id", "unknown_artisan", "no artisan with this id");
    }
    JsonNode method = body.path("method");
    PaymentSimulator simulator = simulators.get(method.path("type").asText());
    if (simulator == null) {
      errors.add("method.type", "invalid_method", "card, mobile_wallet, qr or cash_voucher");
    } else {
      simulator.check(method, currency, now, errors);
    }
    errors.throwIfAny();
    PaymentSimulator checked = Objects.requireNonNull(simulator);
    synchronized (book.lock) {
      Payment p = new Payment();
      p.id = book.newId("pay");
      p.seq = book.nextSeq();
      p.amount = amount;
      p.currency = currency;
      p.captureMethod = body.path("capture_method").asText("automatic");
      p.methodType = checked.method();
      p.orderReference = body.path("order_reference").asText();
      p.artisanId = artisanId;
      p.returnUrl = returnUrl;
      p.description = MoneyInput.text(body, "description");
      body.path("metadata")
          .properties()
          .forEach(f -> p.metadata.put(f.getKey(), f.getValue().asText()));
      p.createdAt = now;
      p.updatedAt = now;
      checked.start(p, method, now, book);
      book.add(p);
      book.emit(p.eventType(), p, now);
      return Exchange.Response.json(201, PaymentJson.render(p));
    }
  }

  private Exchange.Response list(Exchange e) {
    String status = e.queryParam("status");
    String artisan = e.queryParam("artisan_id");
    String order = e.queryParam("order_reference");
    synchronized (book.lock) {
      return Exchange.Response.json(
          200,
          Pages.page(
              e,
              book.payments,
              p -> p.seq,
              p ->
                  (status == null || status.equals(p.status))
                      && (artisan == null || artisan.equals(p.artisanId))
                      && (order == null || order.equals(p.orderReference)),
              PaymentJson::render));
    }
  }

  private Exchange.Response get(Exchange e, String id) {
    synchronized (book.lock) {
      Payment p = book.payment(id);
      String etag = "W/\"" + p.id + "-" + p.version + "\"";
      if (etag.equals(e.header("if-none-match"))) {
        return Exchange.Response.empty(304).header("ETag", etag);
      }
      return Exchange.Response.json(200, PaymentJson.render(p)).header("ETag", etag);
    }
  }

  private Exchange.Response capture(Exchange e, String id) {
    ObjectNode body = e.jsonBody();
    synchronized (book.lock) {
      Payment p = book.payment(id);
      if (!p.status.equals("authorized")) {
        throw new Exchange.ApiError(
            Problems.conflict(
                "payment_not_capturable",
                "only an authorized payment can be captured; it is " + p.status));
      }
      long amount = p.amount;
      if (body.has("amount")) {
        Problems.FieldErrors errors = new Problems.FieldErrors();
        amount = MoneyInput.amount(body.path("amount"), "amount", errors, p.currency);
        if (amount > p.amount) {
          errors.add("amount", "exceeds_authorized", "the capture exceeds the authorized amount");
        }
        errors.throwIfAny();
      }
      Instant now = clock.instant();
      book.capture(p, amount, now);
      book.emit("payment.captured", p, now);
      book.emit("payment.succeeded", p, now);
      return Exchange.Response.json(200, PaymentJson.render(p));
    }
  }

  private Exchange.Response cancel(String id) {
    synchronized (book.lock) {
      Payment p = book.payment(id);
      if (!PaymentTransitions.allowed(p.methodType, p.status, "canceled")) {
        throw new Exchange.ApiError(
            Problems.conflict(
                "payment_not_cancelable", "a " + p.status + " payment cannot be canceled"));
      }
      Instant now = clock.instant();
      p.move("canceled", now);
      book.emit("payment.canceled", p, now);
      return Exchange.Response.json(200, PaymentJson.render(p));
    }
  }

  /** The {@code POST /sandbox/3ds/{id}} page: {@code {"result": "approve" | "decline"}}. */
  public Exchange.Response threeDsPage(Exchange e, String paymentId) {
    boolean approve = e.jsonBody().path("result").asText("approve").equals("approve");
    synchronized (book.lock) {
      Payment p = book.payment(paymentId);
      completeThreeDs(p, approve);
      return Exchange.Response.json(200, PaymentJson.render(p));
    }
  }

  /**
   * Completes a pending 3-D Secure step as the cardholder would; returns the new status.
   *
   * @throws ValidationException naming {@code paymentId} if there is no such payment or it awaits
   *     no 3-D Secure step
   */
  public String completeThreeDs(String paymentId, boolean approve) {
    synchronized (book.lock) {
      Payment p = book.find(paymentId);
      if (p == null) {
        throw new ValidationException("paymentId", "is no payment of this sandbox");
      }
      if (!awaitsThreeDs(p)) {
        throw new ValidationException(
            "paymentId", "awaits no 3-D Secure step: its status is " + p.status);
      }
      completeThreeDs(p, approve);
      return p.status;
    }
  }

  private static boolean awaitsThreeDs(Payment p) {
    return "redirect_to_url".equals(p.nextAction) && p.status.equals("requires_action");
  }

  @GuardedBy("book.lock")
  private void completeThreeDs(Payment p, boolean approve) {
    if (!awaitsThreeDs(p)) {
      throw new Exchange.ApiError(
          Problems.conflict("no_pending_authentication", "the payment awaits no 3-D Secure step"));
    }
    Instant now = clock.instant();
    if (approve) {
      book.approve(p, now);
    } else {
      book.fail(p, "authentication_failed", "the cardholder failed 3-D Secure", now);
    }
    book.emit(p.eventType(), p, now);
  }
}
