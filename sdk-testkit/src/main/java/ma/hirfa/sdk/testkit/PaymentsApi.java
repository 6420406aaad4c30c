package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Payments, refunds and payouts, in memory, moved through their state machines by requests and by
 * the sandbox clock. The magic inputs are documented in {@code docs/sandbox.md}.
 */
final class PaymentsApi {
  static final String CARD_SUCCEEDS = "4242424242424242";
  static final String CARD_3DS = "4000000000003220";
  static final String CARD_DECLINED = "4000000000000002";
  static final String CARD_INSUFFICIENT_FUNDS = "4000000000009995";
  static final String WALLET_DECLINES = "+212600000002";
  static final String WALLET_TIMES_OUT = "+212600000003";
  static final Duration WALLET_APPROVAL = Duration.ofSeconds(10);
  static final Duration WALLET_TIMEOUT = Duration.ofMinutes(5);
  static final Duration QR_SCAN = Duration.ofSeconds(30);
  static final Duration VOUCHER_PAID = Duration.ofHours(2);
  static final Duration VOUCHER_EXPIRY = Duration.ofDays(3);
  static final Duration PAYOUT_IN_TRANSIT = Duration.ofMinutes(1);
  static final Duration PAYOUT_ARRIVAL = Duration.ofDays(1);

  /** The marketplace commission in basis points (7.5 %), rounded half up to the centime. */
  static final long FEE_BASIS_POINTS = 750;

  private static final Pattern PAYMENT =
      Pattern.compile("/v1/payments/(pay_[A-Za-z0-9]+)(/capture|/cancel)?");
  private static final Pattern REFUND = Pattern.compile("/v1/refunds/(re_[A-Za-z0-9]+)");
  private static final Pattern PAYOUT = Pattern.compile("/v1/payouts/(po_[A-Za-z0-9]+)");
  private static final Pattern THREE_DS = Pattern.compile("/sandbox/3ds/(pay_[A-Za-z0-9]+)");

  private final SandboxClock clock;
  private final Ids ids;
  private final Supplier<String> baseUrl;
  private final EventLog events;
  private final Ledger ledger;
  private final Object lock = new Object();
  private long seq;
  private final List<Payment> payments = new ArrayList<>();
  private final Map<String, Payment> paymentsById = new HashMap<>();
  private final List<Refund> refunds = new ArrayList<>();
  private final Map<String, Refund> refundsById = new HashMap<>();
  private final List<Payout> payouts = new ArrayList<>();
  private final Map<String, Payout> payoutsById = new HashMap<>();

  PaymentsApi(
      SandboxClock clock, Ids ids, Supplier<String> baseUrl, EventLog events, Ledger ledger) {
    this.clock = clock;
    this.ids = ids;
    this.baseUrl = baseUrl;
    this.events = events;
    this.ledger = ledger;
  }

  /** Answers a request for this API, or returns null when the path is not one of its routes. */
  Exchange.@Nullable Response handle(Exchange e) {
    synchronized (lock) {
      tickLocked();
      String p = e.path;
      boolean post = e.method.equals("POST");
      boolean get = e.method.equals("GET");
      if (p.equals("/v1/payments")) {
        return post ? createPayment(e) : get ? listPayments(e) : null;
      }
      Matcher m = PAYMENT.matcher(p);
      if (m.matches()) {
        Payment pay = payment(m.group(1));
        if (m.group(2) == null) {
          return get ? getPayment(e, pay) : null;
        }
        if (!post) {
          return null;
        }
        return m.group(2).equals("/capture") ? capture(e, pay) : cancel(pay);
      }
      if (p.equals("/v1/refunds")) {
        return post ? createRefund(e) : get ? listRefunds(e) : null;
      }
      m = REFUND.matcher(p);
      if (m.matches() && get) {
        Refund r = refundsById.get(m.group(1));
        if (r == null) {
          throw new Exchange.ApiError(Problems.notFound("refund", m.group(1)));
        }
        return Exchange.Response.json(200, render(r));
      }
      if (p.equals("/v1/payouts")) {
        return post ? createPayout(e) : get ? listPayouts(e) : null;
      }
      m = PAYOUT.matcher(p);
      if (m.matches() && get) {
        Payout po = payoutsById.get(m.group(1));
        if (po == null) {
          throw new Exchange.ApiError(Problems.notFound("payout", m.group(1)));
        }
        return Exchange.Response.json(200, render(po));
      }
      m = THREE_DS.matcher(p);
      if (m.matches() && post) {
        return completeThreeDs(e, payment(m.group(1)));
      }
      return null;
    }
  }

  /** Applies every time-based transition that fell due on the sandbox clock. */
  void tick() {
    synchronized (lock) {
      tickLocked();
    }
  }

  // --- payments -------------------------------------------------------------------------------

  private Exchange.Response createPayment(Exchange e) {
    ObjectNode body = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    long amount = amount(body.path("amount"), "amount", errors, null);
    String currency = body.path("amount").path("currency").asText();
    if (!currency.isEmpty() && !List.of("MAD", "EUR", "USD").contains(currency)) {
      errors.add("amount.currency", "unsupported_currency", "payments are in MAD, EUR or USD");
    }
    String returnUrl = text(body, "return_url");
    if (returnUrl != null && !returnUrl.startsWith("https://")) {
      errors.add("return_url", "must_be_https", "the return URL must use https");
    }
    JsonNode method = body.path("method");
    String type = method.path("type").asText();
    String cardNumber = "";
    String phone = "";
    switch (type) {
      case "card" -> {
        cardNumber = method.path("card").path("number").asText();
        if (!SandboxChecks.luhn(cardNumber)) {
          errors.add(
              "method.card.number", "invalid_card_number", "the card number fails the Luhn check");
        }
        int year = method.path("card").path("exp_year").asInt();
        int month = method.path("card").path("exp_month").asInt();
        var now = clock.instant().atZone(ZoneOffset.UTC);
        if (year < now.getYear() || (year == now.getYear() && month < now.getMonthValue())) {
          errors.add("method.card.exp_year", "card_expired", "the card has expired");
        }
      }
      case "mobile_wallet" -> {
        String e164 =
            SandboxChecks.mobileE164(method.path("mobile_wallet").path("phone").asText(null));
        if (e164 == null) {
          errors.add(
              "method.mobile_wallet.phone",
              "invalid_phone",
              "a Moroccan mobile number is required");
        } else {
          phone = e164;
        }
      }
      case "qr", "cash_voucher" -> {
        if (!currency.equals("MAD")) {
          errors.add("amount.currency", "unsupported_currency", type + " payments are in MAD");
        }
      }
      default ->
          errors.add("method.type", "invalid_method", "card, mobile_wallet, qr or cash_voucher");
    }
    errors.throwIfAny();

    Instant now = clock.instant();
    Payment p = new Payment();
    p.id = ids.next("pay");
    p.seq = ++seq;
    p.amount = amount;
    p.currency = currency;
    p.captureMethod = body.path("capture_method").asText("automatic");
    p.methodType = type;
    p.orderReference = body.path("order_reference").asText();
    p.artisanId = body.path("artisan_id").asText();
    p.returnUrl = returnUrl;
    p.description = text(body, "description");
    body.path("metadata")
        .properties()
        .forEach(f -> p.metadata.put(f.getKey(), f.getValue().asText()));
    p.createdAt = now;
    p.updatedAt = now;
    switch (type) {
      case "card" -> {
        p.cardLast4 = cardNumber.substring(cardNumber.length() - 4);
        p.cardBrand =
            cardNumber.startsWith("4") ? "visa" : cardNumber.startsWith("5") ? "mastercard" : "cmi";
        switch (cardNumber) {
          case CARD_3DS -> {
            p.status = "requires_action";
            p.nextAction = "redirect_to_url";
            p.redirectUrl = baseUrl.get() + "sandbox/3ds/" + p.id;
            p.expiresAt = now.plus(Duration.ofMinutes(15));
          }
          case CARD_DECLINED -> fail(p, "card_declined", "the issuer declined the card");
          case CARD_INSUFFICIENT_FUNDS ->
              fail(p, "insufficient_funds", "the card has insufficient funds");
          default -> approve(p);
        }
      }
      case "mobile_wallet" -> {
        p.phoneLast2 = phone.substring(phone.length() - 2);
        p.status = "requires_action";
        p.nextAction = "wallet_approval";
        if (phone.equals(WALLET_TIMES_OUT)) {
          p.dueAt = now.plus(WALLET_TIMEOUT);
          p.dueFailure = "wallet_approval_timeout";
        } else {
          p.dueAt = now.plus(WALLET_APPROVAL);
          p.dueFailure = phone.equals(WALLET_DECLINES) ? "wallet_declined" : null;
        }
        p.expiresAt = now.plus(WALLET_TIMEOUT);
      }
      case "qr" -> {
        p.status = "requires_action";
        p.nextAction = "display_qr";
        p.qrPayload = "HIRFA-SANDBOX-QR:" + p.id;
        p.expiresAt = now.plus(Duration.ofMinutes(15));
        // Amounts ending in 99 centimes are never scanned: the code expires.
        if (amount % 100 == 99) {
          p.dueAt = p.expiresAt;
          p.dueFailure = "qr_expired";
        } else {
          p.dueAt = now.plus(QR_SCAN);
        }
      }
      default -> {
        p.status = "requires_action";
        p.nextAction = "cash_voucher";
        p.voucherCode = p.id.substring(4, 14).toUpperCase(Locale.ROOT);
        p.expiresAt = now.plus(VOUCHER_EXPIRY);
        // Amounts ending in 99 centimes are never paid at the counter: the voucher expires.
        if (amount % 100 == 99) {
          p.dueAt = p.expiresAt;
          p.dueFailure = "voucher_expired";
        } else {
          p.dueAt = now.plus(VOUCHER_PAID);
        }
      }
    }
    payments.add(p);
    paymentsById.put(p.id, p);
    events.emit(eventType(p), render(p));
    return Exchange.Response.json(201, render(p));
  }

  private Exchange.Response listPayments(Exchange e) {
    String status = e.queryParam("status");
    String artisan = e.queryParam("artisan_id");
    String order = e.queryParam("order_reference");
    return Exchange.Response.json(
        200,
        Pages.page(
            e,
            payments,
            p -> p.seq,
            p ->
                (status == null || status.equals(p.status))
                    && (artisan == null || artisan.equals(p.artisanId))
                    && (order == null || order.equals(p.orderReference)),
            this::render));
  }

  private Exchange.Response getPayment(Exchange e, Payment p) {
    String etag = "W/\"" + p.id + "-" + p.version + "\"";
    if (etag.equals(e.header("if-none-match"))) {
      return Exchange.Response.empty(304).header("ETag", etag);
    }
    return Exchange.Response.json(200, render(p)).header("ETag", etag);
  }

  private Exchange.Response capture(Exchange e, Payment p) {
    if (!p.status.equals("authorized")) {
      throw new Exchange.ApiError(
          Problems.conflict(
              "payment_not_capturable",
              "only an authorized payment can be captured; it is " + p.status));
    }
    ObjectNode body = e.jsonBody();
    long amount = p.amount;
    if (body.has("amount")) {
      Problems.FieldErrors errors = new Problems.FieldErrors();
      amount = amount(body.path("amount"), "amount", errors, p.currency);
      if (amount > p.amount) {
        errors.add("amount", "exceeds_authorized", "the capture exceeds the authorized amount");
      }
      errors.throwIfAny();
    }
    p.captured = amount;
    p.status = "succeeded";
    ledger.payment(p.id, p.captured, fee(p), p.currency);
    touch(p);
    events.emit("payment.captured", render(p));
    events.emit("payment.succeeded", render(p));
    return Exchange.Response.json(200, render(p));
  }

  private Exchange.Response cancel(Payment p) {
    if (!List.of("requires_action", "authorized", "processing").contains(p.status)) {
      throw new Exchange.ApiError(
          Problems.conflict(
              "payment_not_cancelable", "a " + p.status + " payment cannot be canceled"));
    }
    p.status = "canceled";
    p.nextAction = null;
    p.dueAt = null;
    touch(p);
    events.emit("payment.canceled", render(p));
    return Exchange.Response.json(200, render(p));
  }

  /** Completes a pending 3-D Secure step, as the cardholder would on the issuer's page. */
  String completeThreeDs(String paymentId, boolean approve) {
    synchronized (lock) {
      Payment p = payment(paymentId);
      completeThreeDs(p, approve);
      return p.status;
    }
  }

  /** The {@code POST /sandbox/3ds/{id}} route: {@code {"result": "approve" | "decline"}}. */
  private Exchange.Response completeThreeDs(Exchange e, Payment p) {
    completeThreeDs(p, e.jsonBody().path("result").asText("approve").equals("approve"));
    return Exchange.Response.json(200, render(p));
  }

  private void completeThreeDs(Payment p, boolean approve) {
    if (!"redirect_to_url".equals(p.nextAction) || !p.status.equals("requires_action")) {
      throw new Exchange.ApiError(
          Problems.conflict("no_pending_authentication", "the payment awaits no 3-D Secure step"));
    }
    p.nextAction = null;
    if (approve) {
      approve(p);
    } else {
      fail(p, "authentication_failed", "the cardholder failed 3-D Secure");
    }
    touch(p);
    events.emit(eventType(p), render(p));
  }

  private void approve(Payment p) {
    p.nextAction = null;
    p.dueAt = null;
    if (p.captureMethod.equals("manual")) {
      p.status = "authorized";
    } else {
      p.status = "succeeded";
      p.captured = p.amount;
      ledger.payment(p.id, p.captured, fee(p), p.currency);
    }
  }

  /** The marketplace commission on what was captured (or, before capture, on the amount). */
  private static long fee(Payment p) {
    long base = p.captured > 0 ? p.captured : p.amount;
    return (base * FEE_BASIS_POINTS + 5_000) / 10_000;
  }

  private static void fail(Payment p, String code, String message) {
    p.status = "failed";
    p.nextAction = null;
    p.dueAt = null;
    p.failureCode = code;
    p.failureMessage = message;
  }

  private static String eventType(Payment p) {
    return switch (p.status) {
      case "succeeded" -> "payment.succeeded";
      case "failed" -> "payment.failed";
      case "canceled" -> "payment.canceled";
      case "authorized" -> "payment.authorized";
      default -> "payment.requires_action";
    };
  }

  private void tickLocked() {
    ledger.tick();
    Instant now = clock.instant();
    for (Payment p : payments) {
      if (p.dueAt != null && !now.isBefore(p.dueAt) && p.status.equals("requires_action")) {
        if (p.dueFailure != null) {
          fail(
              p,
              p.dueFailure,
              "the " + p.methodType.replace('_', ' ') + " payment did not complete");
        } else {
          approve(p);
        }
        touch(p);
        events.emit(eventType(p), render(p));
      }
    }
    for (Payout po : payouts) {
      if (po.status.equals("pending") && !now.isBefore(po.createdAt.plus(PAYOUT_IN_TRANSIT))) {
        po.status = "in_transit";
      }
      if (po.status.equals("in_transit") && !now.isBefore(po.createdAt.plus(PAYOUT_ARRIVAL))) {
        if (po.returned) {
          po.status = "returned";
          po.failureCode = "account_closed";
          events.emit("payout.failed", render(po));
        } else {
          po.status = "paid";
          ledger.payout(po.id, po.amount);
          events.emit("payout.paid", render(po));
        }
      }
    }
  }

  private void touch(Payment p) {
    p.version++;
    p.updatedAt = clock.instant();
  }

  private Payment payment(String id) {
    Payment p = paymentsById.get(id);
    if (p == null) {
      throw new Exchange.ApiError(Problems.notFound("payment", id));
    }
    return p;
  }

  // --- refunds --------------------------------------------------------------------------------

  private Exchange.Response createRefund(Exchange e) {
    ObjectNode body = e.jsonBody();
    Payment p = payment(body.path("payment_id").asText());
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
      amount = amount(body.path("amount"), "amount", errors, p.currency);
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
    Refund r = new Refund();
    r.id = ids.next("re");
    r.seq = ++seq;
    r.paymentId = p.id;
    r.amount = amount;
    r.currency = p.currency;
    r.reason = text(body, "reason");
    r.createdAt = clock.instant();
    // Amounts ending in 13 centimes fail at the acquirer: nothing is refunded.
    r.failed = amount % 100 == 13;
    if (!r.failed) {
      p.refunded += amount;
      ledger.refund(r.id, amount, r.currency);
      touch(p);
    }
    refunds.add(r);
    refundsById.put(r.id, r);
    events.emit(r.failed ? "refund.failed" : "refund.succeeded", render(r));
    return Exchange.Response.json(201, render(r));
  }

  private Exchange.Response listRefunds(Exchange e) {
    String paymentId = e.queryParam("payment_id");
    return Exchange.Response.json(
        200,
        Pages.page(
            e,
            refunds,
            r -> r.seq,
            r -> paymentId == null || paymentId.equals(r.paymentId),
            this::render));
  }

  // --- payouts --------------------------------------------------------------------------------

  private Exchange.Response createPayout(Exchange e) {
    ObjectNode body = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    long amount = amount(body.path("amount"), "amount", errors, "MAD");
    JsonNode d = body.path("destination");
    String type = d.path("type").asText();
    String last4 = "";
    boolean returned = false;
    switch (type) {
      case "rib" -> {
        String rib = d.path("rib").asText("");
        if (!SandboxChecks.rib(rib)) {
          errors.add(
              "destination.rib", "invalid_rib", "a RIB is 24 digits with a valid mod-97 key");
        } else {
          last4 = rib.substring(20);
          returned = rib.startsWith("999");
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
          returned = iban.startsWith("999", 4);
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
    Payout po = new Payout();
    po.id = ids.next("po");
    po.seq = ++seq;
    po.artisanId = body.path("artisan_id").asText();
    po.amount = amount;
    po.destinationType = type;
    po.last4 = last4;
    po.returned = returned;
    po.createdAt = clock.instant();
    payouts.add(po);
    payoutsById.put(po.id, po);
    return Exchange.Response.json(201, render(po));
  }

  private Exchange.Response listPayouts(Exchange e) {
    String artisan = e.queryParam("artisan_id");
    return Exchange.Response.json(
        200,
        Pages.page(
            e,
            payouts,
            p -> p.seq,
            p -> artisan == null || artisan.equals(p.artisanId),
            this::render));
  }

  // --- shared ---------------------------------------------------------------------------------

  /** A positive amount in minor units of a known currency (and of {@code expectedCurrency}). */
  private static long amount(
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

  private static @Nullable String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static ObjectNode money(long minor, String currency) {
    return Exchange.JSON.createObjectNode().put("amount_minor", minor).put("currency", currency);
  }

  private ObjectNode render(Payment p) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", p.id);
    o.set("amount", money(p.amount, p.currency));
    o.set("amount_captured", money(p.captured, p.currency));
    o.set("amount_refunded", money(p.refunded, p.currency));
    o.put("status", p.status);
    o.put("capture_method", p.captureMethod);
    ObjectNode method = o.putObject("method").put("type", p.methodType);
    if (p.cardLast4 != null) {
      method.put("card_brand", p.cardBrand).put("card_last4", p.cardLast4);
    }
    if (p.phoneLast2 != null) {
      method.put("phone_last2", p.phoneLast2);
    }
    o.put("order_reference", p.orderReference);
    o.put("artisan_id", p.artisanId);
    long fee = fee(p);
    long base = p.captured > 0 ? p.captured : p.amount;
    ObjectNode split = o.putObject("fee_split");
    split.set("platform_fee", money(fee, p.currency));
    split.set("artisan_amount", money(base - fee, p.currency));
    if (p.nextAction == null) {
      o.putNull("next_action");
    } else {
      ObjectNode na = o.putObject("next_action").put("type", p.nextAction);
      if (p.redirectUrl != null) {
        na.put("redirect_url", p.redirectUrl);
      }
      if (p.qrPayload != null) {
        na.put("qr_payload", p.qrPayload);
      }
      if (p.voucherCode != null) {
        na.put("voucher_code", p.voucherCode);
      }
      if (p.expiresAt != null) {
        na.put("expires_at", p.expiresAt.toString());
      }
    }
    o.put("failure_code", p.failureCode);
    o.put("failure_message", p.failureMessage);
    o.put("return_url", p.returnUrl);
    o.put("description", p.description);
    ObjectNode metadata = o.putObject("metadata");
    p.metadata.forEach(metadata::put);
    o.put("created_at", p.createdAt.toString());
    o.put("updated_at", p.updatedAt.toString());
    o.put("livemode", false);
    return o;
  }

  private ObjectNode render(Refund r) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", r.id);
    o.put("payment_id", r.paymentId);
    o.set("amount", money(r.amount, r.currency));
    o.put("status", r.failed ? "failed" : "succeeded");
    o.put("reason", r.reason);
    o.put("created_at", r.createdAt.toString());
    return o;
  }

  private ObjectNode render(Payout po) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", po.id);
    o.put("artisan_id", po.artisanId);
    o.set("amount", money(po.amount, "MAD"));
    o.put("status", po.status);
    o.putObject("destination").put("type", po.destinationType).put("last4", po.last4);
    o.put("failure_code", po.failureCode);
    if (po.status.equals("paid")) {
      o.put(
          "arrival_date",
          po.createdAt.plus(PAYOUT_ARRIVAL).atZone(ZoneOffset.UTC).toLocalDate().toString());
    } else {
      o.putNull("arrival_date");
    }
    o.put("created_at", po.createdAt.toString());
    return o;
  }

  /** Counts for tests and reports. */
  int paymentCount() {
    synchronized (lock) {
      return payments.size();
    }
  }

  /** Payments created with this order reference. */
  int paymentsFor(String orderReference) {
    synchronized (lock) {
      return (int) payments.stream().filter(p -> p.orderReference.equals(orderReference)).count();
    }
  }

  /** Refunds created against this payment. */
  int refundsFor(String paymentId) {
    synchronized (lock) {
      return (int) refundsById.values().stream().filter(r -> r.paymentId.equals(paymentId)).count();
    }
  }

  /** Payouts created for this artisan. */
  int payoutsFor(String artisanId) {
    synchronized (lock) {
      return (int) payoutsById.values().stream().filter(p -> p.artisanId.equals(artisanId)).count();
    }
  }

  private static final class Payment {
    String id = "";
    long seq;
    long amount;
    long captured;
    long refunded;
    String currency = "MAD";
    String status = "processing";
    String captureMethod = "automatic";
    String methodType = "card";
    @Nullable String cardBrand;
    @Nullable String cardLast4;
    @Nullable String phoneLast2;
    String orderReference = "";
    String artisanId = "";
    @Nullable String nextAction;
    @Nullable String redirectUrl;
    @Nullable String qrPayload;
    @Nullable String voucherCode;
    @Nullable Instant expiresAt;
    @Nullable Instant dueAt;
    @Nullable String dueFailure;
    @Nullable String failureCode;
    @Nullable String failureMessage;
    @Nullable String returnUrl;
    @Nullable String description;
    final Map<String, String> metadata = new LinkedHashMap<>();
    Instant createdAt = Instant.EPOCH;
    Instant updatedAt = Instant.EPOCH;
    long version;
  }

  private static final class Refund {
    String id = "";
    long seq;
    String paymentId = "";
    long amount;
    String currency = "MAD";
    @Nullable String reason;
    boolean failed;
    Instant createdAt = Instant.EPOCH;
  }

  private static final class Payout {
    String id = "";
    long seq;
    String artisanId = "";
    long amount;
    String destinationType = "rib";
    String last4 = "";
    boolean returned;
    String status = "pending";
    @Nullable String failureCode;
    Instant createdAt = Instant.EPOCH;
  }
}
