package ma.hirfa.sdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.AppInfo;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.payments.CaptureMethod;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCaptureParams;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentEvent;
import ma.hirfa.sdk.payments.PaymentEventParser;
import ma.hirfa.sdk.payments.PaymentListParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.Payout;
import ma.hirfa.sdk.payments.PayoutCreateParams;
import ma.hirfa.sdk.payments.PayoutDestination;
import ma.hirfa.sdk.payments.Reconciliation;
import ma.hirfa.sdk.payments.ReconciliationReport;
import ma.hirfa.sdk.payments.Refund;
import ma.hirfa.sdk.payments.RefundCreateParams;
import ma.hirfa.sdk.payments.Settlement;
import ma.hirfa.sdk.payments.SettlementLine;
import ma.hirfa.sdk.payments.WebhookEndpoint;
import ma.hirfa.sdk.payments.WebhookEndpointCreateParams;
import ma.hirfa.sdk.testkit.Sandbox;
import ma.hirfa.sdk.testkit.payments.MagicInputs;

/**
 * A bank collecting for artisans: card with 3-D Secure, wallet and cash voucher; a create whose
 * response is lost, retried without a double charge; a partial refund; a payout to a RIB; the day's
 * settlement reconciled to the centime; and the platform's webhooks received and verified.
 */
public final class BankScenario {
  /** What happened, for the tour's test. */
  public record Result(
      List<String> statuses,
      Set<String> shipped,
      int paymentsForLostOrder,
      Money refunded,
      String payoutStatus,
      ReconciliationReport report,
      List<String> events) {}

  private BankScenario() {}

  public static Result run(Sandbox sandbox, PrintStream out)
      throws IOException, InterruptedException {
    // [snippet:client]
    PaymentsClient client =
        PaymentsClient.builder()
            .apiKey(sandbox.apiKey()) // System.getenv("HIRFA_API_KEY") in production
            .baseUrl(sandbox.baseUrl()) // left out in production
            .configure(
                o ->
                    o.appInfo(AppInfo.of("atlas-bank-payments", "4.2.0"))
                        .callTimeout(Duration.ofSeconds(30)))
            .build();
    // [end]
    try (client) {
      // [snippet:register]
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hirfa/webhooks";
      WebhookEndpoint endpoint =
          client.webhookEndpoints().create(WebhookEndpointCreateParams.allEvents(url));
      // [end]
      try {
        return run(sandbox, out, client, server, endpoint);
      } finally {
        server.stop(0);
      }
    }
  }

  private static Result run(
      Sandbox sandbox,
      PrintStream out,
      PaymentsClient client,
      HttpServer server,
      WebhookEndpoint endpoint)
      throws InterruptedException {
    // [snippet:verifier]
    WebhookVerifier verifier = WebhookVerifier.builder().secret(endpoint.secret()).build();
    ProcessedEvents processed = ProcessedEvents.inMemory(); // or one shared by every instance
    // [end]
    // [snippet:serve]
    Set<String> shipped = ConcurrentHashMap.newKeySet(); // your orders, shipped once paid
    List<String> events = new CopyOnWriteArrayList<>(); // the event types applied
    PaymentEventParser parser = new PaymentEventParser();
    server.createContext(
        "/hirfa/webhooks",
        exchange ->
            receive(
                exchange,
                verifier,
                processed,
                message -> {
                  PaymentEvent event = parser.parse(message);
                  if (event instanceof PaymentEvent.PaymentSucceeded e) {
                    shipped.add(e.payment().orderReference());
                  }
                  events.add(event.type());
                }));
    server.start();
    // [end]
    out.println(
        "  Webhook endpoint registered; events arrive signed and are verified over the raw body.");

    // [snippet:collect]
    String cardNumber = MagicInputs.CARD_3DS; // in production, what the cardholder typed
    String cvc = "123";
    Payment card =
        client
            .payments()
            .create(
                PaymentCreateParams.builder()
                    .amount(Money.parse("1250.00", "MAD"))
                    .orderReference("ORD-1001")
                    .artisanId("art_7QK2M9")
                    .method(PaymentMethodInput.card(cardNumber, 12, 2031, cvc))
                    .returnUrl("https://shop.example/return")
                    .build());
    String next =
        switch (card.status()) {
          case REQUIRES_ACTION -> "send the cardholder to " + card.nextAction().redirectUrl();
          case SUCCEEDED -> "ship the order";
          case FAILED -> "decline: " + card.failureCode();
          case UNKNOWN -> "a status newer than this SDK: log " + card.statusAsString();
          default -> "wait for the webhook";
        };
    // [end]
    out.println("  Card payment " + card.id() + ": " + card.statusAsString() + ", " + next);
    // [snippet:threeDs]
    sandbox.completeThreeDs(card.id(), true); // the cardholder authenticates (false: fails to)
    card = client.payments().get(card.id()); // SUCCEEDED; payment.succeeded is on its way
    // [end]
    out.println(
        "    cardholder authenticated -> "
            + card.statusAsString()
            + "; artisan gets "
            + card.feeSplit().artisanAmount()
            + " after a "
            + card.feeSplit().platformFee()
            + " fee");

    Payment wallet =
        client
            .payments()
            .create(params("ORD-1002", "450.00", PaymentMethodInput.mobileWallet("0612345678")));
    out.println(
        "  Wallet payment "
            + wallet.id()
            + ": "
            + wallet.statusAsString()
            + " (approve on the phone)");
    Payment voucher =
        client.payments().create(params("ORD-1003", "780.00", PaymentMethodInput.cashVoucher()));
    out.println(
        "  Cash voucher "
            + voucher.nextAction().voucherCode()
            + " to pay at a proximity point before "
            + voucher.nextAction().expiresAt());

    // [snippet:idempotency]
    sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1); // the next response is lost
    PaymentCreateParams params =
        PaymentCreateParams.builder()
            .amount(Money.parse("2100.00", "MAD"))
            .orderReference("ORD-1004")
            .artisanId("art_7QK2M9")
            .method(PaymentMethodInput.card(MagicInputs.CARD_SUCCEEDS, 1, 2030, "321"))
            .build();
    Payment lost =
        client
            .payments()
            .create(params, RequestOptions.builder().idempotencyKey("ORD-1004-payment").build());
    // [end]
    int count = sandbox.paymentCount("ORD-1004");
    out.println(
        "  A create whose response was lost after the platform committed it was retried with the same"
            + " Idempotency-Key: "
            + lost.statusAsString()
            + ", payments on the platform for that order: "
            + count);

    // [snippet:capture]
    Payment held =
        client
            .payments()
            .create(
                PaymentCreateParams.builder()
                    .amount(Money.parse("1500.00", "MAD"))
                    .orderReference("ORD-1005")
                    .artisanId("art_7QK2M9")
                    .method(PaymentMethodInput.card(MagicInputs.CARD_SUCCEEDS, 3, 2032, "456"))
                    .captureMethod(CaptureMethod.MANUAL) // stops at AUTHORIZED
                    .build());
    Payment unwanted =
        client
            .payments()
            .create(
                PaymentCreateParams.builder()
                    .amount(Money.parse("300.00", "MAD"))
                    .orderReference("ORD-1006")
                    .artisanId("art_7QK2M9")
                    .method(PaymentMethodInput.mobileWallet("0661234567")) // awaits approval
                    .build());
    Payment captured =
        client
            .payments()
            .capture(held.id(), PaymentCaptureParams.amount(Money.parse("1000.00", "MAD")));
    Payment canceled = client.payments().cancel(unwanted.id());
    // [end]
    out.println(
        "  Manual capture: "
            + held.statusAsString()
            + " for "
            + held.amount()
            + ", "
            + captured.amountCaptured()
            + " captured -> "
            + captured.statusAsString()
            + "; an unwanted wallet payment -> "
            + canceled.statusAsString());

    // [snippet:refund]
    Refund refund =
        client.refunds().create(RefundCreateParams.partial(card, Money.parse("250.00", "MAD")));
    // [end]
    out.println(
        "  Partial refund "
            + refund.id()
            + " of "
            + refund.amount()
            + " (never above what remains)");

    // [snippet:payout]
    Payout payout =
        client
            .payouts()
            .create(
                PayoutCreateParams.of(
                    "art_7QK2M9",
                    Money.parse("1000.00", "MAD"),
                    PayoutDestination.rib("011519000001205000534921")));
    // [end]
    out.println(
        "  Payout "
            + payout.id()
            + " to RIB ****"
            + payout.destination().last4()
            + ": "
            + payout.statusAsString());

    // [snippet:reconcile]
    LocalDate today = LocalDate.ofInstant(sandbox.clock().instant(), ZoneOffset.UTC);
    sandbox.clock().advance(Duration.ofHours(27)); // a test moves the sandbox past the day's end
    Settlement day = client.settlements().get("st_" + today.toString().replace("-", "") + "MAD");
    List<Payment> bankPayments =
        client.payments().listAutoPaging(PaymentListParams.defaults()).stream()
            .filter(p -> p.amountCaptured().isPositive())
            .toList();
    ReconciliationReport report;
    try (Stream<SettlementLine> lines = client.settlements().lines(day.id())) {
      report =
          Reconciliation.reconcile(day, lines::iterator, bankPayments, List.of(refund), List.of());
    }
    // [end]
    List<String> statuses = new ArrayList<>();
    for (Payment p : List.of(card, wallet, voucher, lost, captured, canceled)) {
      statuses.add(client.payments().get(p.id()).statusAsString());
    }
    out.println(
        "  A day later: payments "
            + statuses
            + ", payout "
            + client.payouts().get(payout.id()).statusAsString());
    out.println(
        "  Settlement "
            + day.id()
            + ": gross "
            + day.gross()
            + ", fees "
            + day.fees()
            + ", refunds "
            + day.refunds()
            + ", net "
            + day.net()
            + " -> "
            + (report.balanced() ? "reconciled to the centime" : report.mismatches()));

    // Deliveries are asynchronous, and retried ones come late: wait (up to 20 s) for each kind of
    // event this tour causes, and for the shipment of each order paid by card.
    List<String> caused =
        List.of("payment.requires_action", "payment.succeeded", "refund.succeeded", "payout.paid");
    List<String> paidByCard = List.of("ORD-1001", "ORD-1004", "ORD-1005");
    for (int i = 0;
        i < 800 && !(events.containsAll(caused) && shipped.containsAll(paidByCard));
        i++) {
      Thread.sleep(25);
    }
    out.println("  Webhooks verified: " + events.stream().distinct().sorted().toList());
    out.println("  Orders shipped on payment.succeeded: " + new TreeSet<>(shipped));
    return new Result(
        statuses,
        new TreeSet<>(shipped),
        count,
        refund.amount(),
        client.payouts().get(payout.id()).statusAsString(),
        report,
        List.copyOf(events));
  }

  // [snippet:receiver]
  static final int MAX_BODY_BYTES = 1 << 20; // the platform's events are a few kilobytes

  /** Your endpoint: reads the raw body (bounded), verifies it, then applies the event once. */
  static void receive(
      HttpExchange exchange,
      WebhookVerifier verifier,
      ProcessedEvents processed,
      Consumer<WebhookMessage> handler)
      throws IOException {
    byte[] rawBody = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    int status = 204; // applied now or before: the same answer
    try {
      if (rawBody.length > MAX_BODY_BYTES) {
        status = 413; // refused before anything is verified, let alone kept
      } else {
        WebhookMessage message = verifier.verify(exchange.getRequestHeaders(), rawBody);
        processed.processOnce(message, handler::accept); // at most once per webhook-id
      }
    } catch (WebhookVerificationException | ResponseDecodingException e) {
      status = 400; // forged, tampered, stale or ambiguous: never applied
    } catch (RuntimeException e) {
      status = 500; // not recorded: the platform's retry runs the handler again
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  // [end]

  private static PaymentCreateParams params(
      String order, String amount, PaymentMethodInput method) {
    return PaymentCreateParams.builder()
        .amount(Money.parse(amount, "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(method)
        .build();
  }
}
