package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoints registered over the API receive signed, retried deliveries of every event. */
class SandboxWebhooksTest {
  Sandbox sandbox;
  Http http;
  HttpServer receiver;
  final List<String> headersSeen = new CopyOnWriteArrayList<>();
  final List<WebhookMessage> verified = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresToAnswer = new AtomicInteger();
  volatile WebhookVerifier verifier;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandbox.builder().webhookRetries(5, Duration.ofMillis(50)).start();
    http = new Http(sandbox);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          headersSeen.add(
              exchange.getRequestHeaders().getFirst("webhook-id")
                  + " "
                  + exchange.getRequestHeaders().getFirst("webhook-timestamp"));
          int status;
          if (failuresToAnswer.getAndDecrement() > 0) {
            status = 500;
          } else {
            try {
              verified.add(verifier.verify(exchange.getRequestHeaders(), body));
              status = 204;
            } catch (WebhookVerificationException e) {
              status = 400;
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sandbox.close();
  }

  private String register(String events) {
    Http.Reply r =
        http.post(
            "/v1/webhook_endpoints",
            "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort()
                + "/hooks\",\"events\":"
                + events
                + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    verifier = WebhookVerifier.builder().secret(r.json().path("secret").asText()).build();
    return r.json().path("id").asText();
  }

  /** The endpoint's newest delivery once it is no longer pending (the receiver answers first). */
  private JsonNode settledDelivery(String endpoint) throws InterruptedException {
    JsonNode d = null;
    for (int i = 0; i < 800; i++) { // up to 20 s
      d = http.get("/v1/webhook_endpoints/" + endpoint + "/deliveries").json().path("data").get(0);
      if (d != null && !d.path("status").asText().equals("pending")) {
        return d;
      }
      Thread.sleep(25);
    }
    return d;
  }

  private void awaitVerified(int count) throws InterruptedException {
    for (int i = 0; i < 800 && verified.size() < count; i++) { // up to 20 s
      Thread.sleep(25);
    }
  }

  @Test
  void aPaymentEventIsDeliveredSignedAndVerifies() throws Exception {
    String endpoint = register("[\"payment.succeeded\"]");

    String id =
        http.post("/v1/payments", Http.card("4242424242424242", "ORD-hook"))
            .json()
            .path("id")
            .asText();
    awaitVerified(1);

    assertThat(verified).hasSize(1);
    JsonNode event = Http.JSON.readTree(verified.get(0).body());
    assertThat(event.path("type").asText()).isEqualTo("payment.succeeded");
    assertThat(event.path("data").path("object").path("id").asText()).isEqualTo(id);
    JsonNode delivery = settledDelivery(endpoint);
    assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aFailingEndpointIsRetriedWithTheSameWebhookIdUntilItAnswers() throws Exception {
    failuresToAnswer.set(2);
    String endpoint = register("[\"*\"]");

    http.post("/v1/payments", Http.card("4000000000000002", "ORD-hook-retry"));
    awaitVerified(1);

    assertThat(verified).hasSize(1);
    assertThat(headersSeen).hasSize(3);
    assertThat(headersSeen).extracting(h -> h.split(" ")[0]).containsOnly(verified.get(0).id());
    JsonNode delivery = settledDelivery(endpoint);
    assertThat(delivery.path("event_type").asText()).isEqualTo("payment.failed");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void onlySubscribedEventTypesAreDelivered() throws Exception {
    register("[\"refund.succeeded\"]");

    String id =
        http.post("/v1/payments", Http.card("4242424242424242", "ORD-hook-refund"))
            .json()
            .path("id")
            .asText();
    http.post("/v1/refunds", "{\"payment_id\":\"" + id + "\"}");
    awaitVerified(1);
    Thread.sleep(200);

    assertThat(verified).hasSize(1);
    assertThat(Http.JSON.readTree(verified.get(0).body()).path("type").asText())
        .isEqualTo("refund.succeeded");
  }

  @Test
  void endpointsOffThisMachineAreRefused() {
    Http.Reply r = http.post("/v1/webhook_endpoints", "{\"url\":\"https://bank.example/hooks\"}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("url_not_loopback");
  }
}
