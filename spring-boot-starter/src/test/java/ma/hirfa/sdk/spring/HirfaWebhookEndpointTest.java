package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.spring.shop.DeliveryRecorder;
import ma.hirfa.sdk.spring.shop.DeliveryRecorder.Delivery;
import ma.hirfa.sdk.spring.shop.Shipping;
import ma.hirfa.sdk.spring.shop.ShopApp;
import ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The starter's webhook endpoint in a Boot application on a random port, fed by the embedded
 * sandbox's signed deliveries and by hostile requests: a verified event reaches the listener once,
 * whatever the retries and replays; nothing unverified or oversized reaches it (E1, E2, E3).
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHirfaSandbox
class HirfaWebhookEndpointTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired PaymentsClient payments;
  @Autowired Shipping shipping;
  @Autowired DeliveryRecorder recorder;

  @LocalServerPort int port;

  @Value("${hirfa.webhooks.secrets[0]}")
  String secret;

  private void pay(String order) {
    payments
        .payments()
        .create(
            PaymentCreateParams.builder()
                .amount(Money.parse("250.00", "MAD"))
                .orderReference(order)
                .artisanId("art_7QK2M9")
                .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                .build());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Pays for {@code order} and returns the sandbox's first delivery of its success, answered. */
  private Delivery delivered(String order) throws InterruptedException {
    pay(order);
    // The recorder notes a delivery once the endpoint answered it, after the listener ran.
    await(() -> recorder.mentioning(order).stream().anyMatch(d -> d.status() == 204));
    return recorder.mentioning(order).get(0);
  }

  private HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hirfa/webhooks"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedDeliveryFromTheSandboxRunsTheListenerOnceAndIsAnswered204() throws Exception {
    delivered("ORD-hook-1");
    Thread.sleep(1_000); // a redelivery, if the sandbox made one, would have come by now

    assertThat(shipping.calls("ORD-hook-1")).isEqualTo(1);
    assertThat(recorder.mentioning("ORD-hook-1")).extracting(Delivery::status).containsExactly(204);
  }

  @Test
  void aFailedListenerIsAnswered500AndTheSandboxsRetryAppliesTheEventOnce() throws Exception {
    shipping.failOnceFor("ORD-hook-2");

    pay("ORD-hook-2");
    await(() -> recorder.mentioning("ORD-hook-2").stream().anyMatch(d -> d.status() == 204));
    Thread.sleep(1_500); // any further redelivery would have come by now

    List<Delivery> wire = recorder.mentioning("ORD-hook-2");
    assertThat(wire).extracting(Delivery::status).containsExactly(500, 204);
    assertThat(wire.get(1).webhookId()).isEqualTo(wire.get(0).webhookId());
    assertThat(shipping.calls("ORD-hook-2")).isEqualTo(2); // the failure, then the retry
    assertThat(shipping.shipments("ORD-hook-2")).isEqualTo(1);
  }

  @Test
  void aReplayOfAnAppliedDeliveryIsAnswered204AndNotAppliedAgain() throws Exception {
    Delivery first = delivered("ORD-hook-3");

    for (int i = 0; i < 3; i++) {
      assertThat(post(first.headers(), first.body()).statusCode()).isEqualTo(204);
    }

    assertThat(shipping.calls("ORD-hook-3")).isEqualTo(1);
  }

  @Test
  void aDeliveryWhoseBodyWasChangedIsRefused400AndNoListenerRuns() throws Exception {
    Delivery genuine = delivered("ORD-hook-4");
    byte[] forged =
        new String(genuine.body(), StandardCharsets.UTF_8)
            .replace("ORD-hook-4", "ORD-hook-4-forged")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> answer = post(genuine.headers(), forged);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("NO_MATCHING_SIGNATURE");
    assertThat(shipping.calls("ORD-hook-4-forged")).isZero();
  }

  @Test
  void aDeliverySignedWithAnotherSecretIsRefused400AndNoListenerRuns() throws Exception {
    Delivery genuine = delivered("ORD-hook-5");
    byte[] body =
        new String(genuine.body(), StandardCharsets.UTF_8)
            .replace("ORD-hook-5", "ORD-hook-5-other")
            .getBytes(StandardCharsets.UTF_8);
    WebhookSigner attacker =
        WebhookSigner.builder().secret("whsec_" + "QXR0YWNrZXJzIG93biBzZWNyZXQhIQ==").build();

    HttpResponse<String> answer = post(attacker.sign(body), body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(shipping.calls("ORD-hook-5-other")).isZero();
  }

  @Test
  void anUnsignedDeliveryIsRefused400AndNoListenerRuns() throws Exception {
    Delivery genuine = delivered("ORD-hook-6");
    byte[] body =
        new String(genuine.body(), StandardCharsets.UTF_8)
            .replace("ORD-hook-6", "ORD-hook-6-unsigned")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> answer = post(Map.of(), body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("MISSING_HEADERS");
    assertThat(shipping.calls("ORD-hook-6-unsigned")).isZero();
  }

  @Test
  void aBodyOverTheLimitIsRefused413EvenWhenSignedAndNoListenerRuns() throws Exception {
    Delivery genuine = delivered("ORD-hook-7");
    String json = new String(genuine.body(), StandardCharsets.UTF_8);
    // The same event, padded past hirfa.webhooks.max-body-size (64KB in application.properties)
    // and signed with the right secret: only its size is wrong.
    byte[] padded =
        (json.substring(0, json.length() - 1)
                    .replace("ORD-hook-7", "ORD-hook-7-big")
                    .replace("\"id\":\"evt_", "\"id\":\"evt_big")
                + ",\"padding\":\""
                + "x".repeat(64 * 1024)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookSigner signer = WebhookSigner.builder().secret(secret).build();

    HttpResponse<String> answer = post(signer.sign(padded), padded);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(shipping.calls("ORD-hook-7-big")).isZero();
  }
}
