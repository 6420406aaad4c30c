package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** Every event type the sandbox sends round-trips from its signed delivery to a typed event. */
class PaymentEventsTest {
  private static final String CARD = "4242424242424242";

  @Test
  void everyEventTypeRoundTripsFromASignedDeliveryToATypedEvent() throws Exception {
    List<PaymentEvent> events = new CopyOnWriteArrayList<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    PaymentEventParser parser = new PaymentEventParser();
    WebhookVerifier[] verifier = new WebhookVerifier[1];
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = 204;
          try {
            WebhookMessage message = verifier[0].verify(exchange.getRequestHeaders(), body);
            events.add(parser.parse(message));
          } catch (RuntimeException e) {
            failures.add(e.toString());
            status = 400;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try (Sandbox sandbox =
            Sandbox.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC))
                .start();
        PaymentsClient client =
            PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      verifier[0] =
          WebhookVerifier.builder()
              .secret(
                  client
                      .webhookEndpoints()
                      .create(
                          WebhookEndpointCreateParams.allEvents(
                              "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))
                      .secret())
              .build();

      Payment paid =
          client
              .payments()
              .create(
                  params(
                      "E1",
                      PaymentMethodInput.card(CARD, 12, 2031, "123"),
                      CaptureMethod.AUTOMATIC));
      client
          .payments()
          .create(
              params(
                  "E2",
                  PaymentMethodInput.card("4000000000000002", 12, 2031, "123"),
                  CaptureMethod.AUTOMATIC));
      client.payments().create(params("E3", PaymentMethodInput.qr(), CaptureMethod.AUTOMATIC));
      Payment manual =
          client
              .payments()
              .create(
                  params(
                      "E4", PaymentMethodInput.card(CARD, 12, 2031, "123"), CaptureMethod.MANUAL));
      client.payments().capture(manual.id(), PaymentCaptureParams.full());
      Payment toCancel =
          client
              .payments()
              .create(params("E5", PaymentMethodInput.cashVoucher(), CaptureMethod.AUTOMATIC));
      client.payments().cancel(toCancel.id());
      client.refunds().create(RefundCreateParams.partial(paid.id(), Money.parse("10.00", "MAD")));
      client.refunds().create(RefundCreateParams.partial(paid.id(), Money.parse("10.13", "MAD")));
      client
          .payouts()
          .create(
              PayoutCreateParams.of(
                  "art_7QK2M9",
                  Money.parse("100.00", "MAD"),
                  PayoutDestination.rib("011519000001205000534921")));
      client
          .payouts()
          .create(
              PayoutCreateParams.of(
                  "art_7QK2M9",
                  Money.parse("100.00", "MAD"),
                  PayoutDestination.rib(returnedRib())));
      sandbox.clock().advance(Duration.ofDays(1));
      client
          .payments()
          .list(PaymentListParams.defaults()); // any call lets the sandbox apply due transitions

      Set<Class<?>> expected =
          Set.of(
              PaymentEvent.PaymentSucceeded.class,
              PaymentEvent.PaymentFailed.class,
              PaymentEvent.PaymentRequiresAction.class,
              PaymentEvent.PaymentAuthorized.class,
              PaymentEvent.PaymentCaptured.class,
              PaymentEvent.PaymentCanceled.class,
              PaymentEvent.RefundSucceeded.class,
              PaymentEvent.RefundFailed.class,
              PaymentEvent.PayoutPaid.class,
              PaymentEvent.PayoutFailed.class,
              PaymentEvent.SettlementAvailable.class);
      for (int i = 0; // up to 20 s: deliveries are asynchronous
          i < 800
              && !events.stream()
                  .map(Object::getClass)
                  .collect(Collectors.toSet())
                  .containsAll(expected);
          i++) {
        Thread.sleep(25);
      }
      assertThat(failures).isEmpty();
      assertThat(events.stream().map(Object::getClass).collect(Collectors.toSet()))
          .containsAll(expected);
      PaymentEvent.PaymentSucceeded succeeded =
          events.stream()
              .filter(
                  e ->
                      e instanceof PaymentEvent.PaymentSucceeded s
                          && s.payment().id().equals(paid.id()))
              .map(PaymentEvent.PaymentSucceeded.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(succeeded.payment().amount()).isEqualTo(Money.parse("1250.00", "MAD"));
      assertThat(succeeded.id()).startsWith("evt_");
      assertThat(events)
          .filteredOn(e -> e instanceof PaymentEvent.SettlementAvailable)
          .allSatisfy(
              e ->
                  assertThat(((PaymentEvent.SettlementAvailable) e).settlement().date())
                      .hasToString("2026-11-29"));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void anUnknownEventTypeStaysReadable() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] body =
        "{\"id\":\"evt_1\",\"type\":\"payment.disputed\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":{}}}"
            .getBytes(StandardCharsets.UTF_8);
    var headers = WebhookSigner.builder().secret(secret).build().sign(body);
    WebhookMessage message =
        WebhookVerifier.builder()
            .secret(secret)
            .build()
            .verify(
                headers.entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey(), e -> List.of(e.getValue()))),
                body);

    PaymentEvent event = new PaymentEventParser().parse(message);

    assertThat(event)
        .isInstanceOfSatisfying(
            PaymentEvent.Unknown.class,
            u -> {
              assertThat(u.type()).isEqualTo("payment.disputed");
              assertThat(u.json()).contains("payment.disputed");
            });
  }

  private static PaymentCreateParams params(
      String order, PaymentMethodInput method, CaptureMethod capture) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("1250.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(method)
        .captureMethod(capture)
        .build();
  }

  /** A valid RIB at bank 999, which the sandbox returns as account_closed. */
  private static String returnedRib() {
    String first22 = "9990010000000000000001";
    return first22 + ma.hirfa.sdk.core.validation.Rib.key(first22);
  }
}
