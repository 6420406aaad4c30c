package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * E1 and E2 end to end: the sandbox's webhook sender (signed deliveries, retried with back-off,
 * same {@code webhook-id}) against a receiver that verifies, then runs its handler through {@link
 * ProcessedEvents}. On the SDK before ProcessedEvents, a handler that failed once made every retry
 * come back REPLAYED and the event was never processed.
 */
class WebhookRedeliveryTest {
  private Sandbox sandbox;
  private PaymentsClient client;
  private HttpServer receiver;
  private volatile WebhookVerifier verifier;
  private final ProcessedEvents processed = ProcessedEvents.inMemory();
  private final PaymentEventParser parser = new PaymentEventParser();

  /** What the receiver answered, in order. */
  private final List<Integer> answers = new CopyOnWriteArrayList<>();

  /** Orders shipped by the handler: the application's own effect. */
  private final List<String> shipped = new CopyOnWriteArrayList<>();

  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final java.util.Set<String> delivered = ConcurrentHashMap.newKeySet();
  private volatile int failuresBeforeSuccess;
  private volatile boolean loseFirstAnswer;
  private volatile byte[] lastBody = new byte[0];
  private volatile Map<String, List<String>> lastHeaders = Map.of();

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandbox.builder().webhookRetries(6, Duration.ofMillis(20)).start();
    client = PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
          lastBody = body;
          lastHeaders = Map.copyOf(exchange.getRequestHeaders());
          int status;
          try {
            WebhookMessage message = verifier.verify(exchange.getRequestHeaders(), body);
            processed.processOnce(message, this::handle);
            boolean firstDelivery = delivered.add(message.id());
            status = loseFirstAnswer && firstDelivery ? 500 : 204;
          } catch (WebhookVerificationException e) {
            status = 400;
          } catch (RuntimeException e) {
            status = 500; // the handler failed: nothing recorded
          }
          answers.add(status);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    verifier =
        WebhookVerifier.builder()
            .secret(
                client
                    .webhookEndpoints()
                    .create(
                        WebhookEndpointCreateParams.builder()
                            .url(url)
                            .event("payment.succeeded")
                            .build())
                    .secret())
            .build();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    client.close();
    sandbox.close();
  }

  private void handle(WebhookMessage message) {
    int attempt =
        attempts.computeIfAbsent(message.id(), k -> new AtomicInteger()).incrementAndGet();
    if (attempt <= failuresBeforeSuccess) {
      throw new IllegalStateException("the orders database is down");
    }
    if (parser.parse(message) instanceof PaymentEvent.PaymentSucceeded e) {
      shipped.add(e.payment().orderReference());
    }
  }

  private void pay(String order) {
    client
        .payments()
        .create(
            PaymentCreateParams.builder()
                .amount(Money.parse("450.00", "MAD"))
                .orderReference(order)
                .artisanId("art_7QK2M9")
                .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                .build());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aHandlerThatFailsIsRunAgainOnThePlatformsRetryAndShipsOnce(int failures) throws Exception {
    failuresBeforeSuccess = failures;

    pay("ORD-RETRY");
    await(() -> answers.contains(204));
    Thread.sleep(200); // room for a stray extra delivery, which must not ship again

    assertThat(shipped).containsExactly("ORD-RETRY");
    assertThat(answers.subList(0, failures)).containsOnly(500);
    assertThat(answers).hasSize(failures + 1).endsWith(204);
  }

  @Test
  void aDeliveryWhoseAnswerWasLostIsAnsweredAgainWithoutShippingTwice() throws Exception {
    loseFirstAnswer = true; // applied, then the 2xx never reached the platform

    pay("ORD-LOST");
    await(() -> answers.contains(204));

    assertThat(answers).containsExactly(500, 204);
    assertThat(shipped).containsExactly("ORD-LOST");
  }

  @Test
  void aCapturedDeliveryReplayedWithinTheToleranceIsAnswered2xxAndNotApplied() throws Exception {
    pay("ORD-REPLAY");
    await(() -> answers.contains(204));

    HttpRequest.Builder replay =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(lastBody));
    lastHeaders.forEach(
        (name, values) -> {
          if (name.toLowerCase(java.util.Locale.ROOT).startsWith("webhook-")) {
            values.forEach(v -> replay.header(name, v));
          }
        });
    int status =
        HttpClient.newHttpClient()
            .send(replay.build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();

    assertThat(status).isEqualTo(204);
    assertThat(shipped).containsExactly("ORD-REPLAY");
  }
}
