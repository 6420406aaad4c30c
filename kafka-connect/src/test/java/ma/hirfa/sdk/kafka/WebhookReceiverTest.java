package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.payments.CaptureMethod;
import ma.hirfa.sdk.payments.FeeSplit;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentMethodDetails;
import ma.hirfa.sdk.payments.PaymentMethodType;
import ma.hirfa.sdk.payments.PaymentStatus;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The payment events' way in, without Kafka: a delivery is answered 204 only once Connect
 * acknowledged its record, 503 otherwise (the platform retries), and a retried delivery is written
 * again under the same event id, the key a consumer deduplicates on (at least once, idempotent
 * keys). Forged, oversized and non-POST input never becomes a record.
 */
class WebhookReceiverTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final WebhookSigner SIGNER = WebhookSigner.builder().secret(SECRET).build();
  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void close() {
    receivers.forEach(WebhookReceiver::close);
  }

  private WebhookReceiver receiver(long ackTimeoutMs) throws IOException {
    WebhookReceiver r =
        new WebhookReceiver(SECRET, "payments", "127.0.0.1", 0, "/hooks", ackTimeoutMs);
    receivers.add(r);
    return r;
  }

  @Test
  void aDeliveryIsAnswered204OnlyOnceConnectAcknowledgedItsRecord() throws Exception {
    WebhookReceiver receiver = receiver(60_000); // far beyond any stall between drain and ack
    byte[] body = succeeded("evt_1", "pay_1");

    CompletableFuture<Integer> answer = postAsync(receiver, signed("msg_1", body), body);
    List<SourceRecord> records = receiver.drain(5_000);
    Thread.sleep(300);

    assertThat(answer).as("not answered before Kafka has the record").isNotDone();
    assertThat(records).singleElement().extracting(SourceRecord::key).isEqualTo("pay_1");
    receiver.acknowledged(records.get(0));
    assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(204);
  }

  @Test
  void aDeliveryWhoseRecordWasNeverAcknowledgedIsAnswered503SoThePlatformRetriesIt()
      throws Exception {
    WebhookReceiver receiver = receiver(300);
    byte[] body = succeeded("evt_2", "pay_2");

    CompletableFuture<Integer> answer = postAsync(receiver, signed("msg_2", body), body);
    List<SourceRecord> records = receiver.drain(5_000);

    assertThat(records).hasSize(1);
    assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(503);
  }

  @Test
  void aRetriedDeliveryIsWrittenAgainUnderTheSameEventIdForConsumersToDropIt() throws Exception {
    WebhookReceiver receiver = receiver(5_000);
    byte[] body = succeeded("evt_3", "pay_3");
    Map<String, String> headers = signed("msg_3", body);
    List<SourceRecord> written = new ArrayList<>();

    for (int attempt = 0; attempt < 2; attempt++) { // the first 204 was lost: the platform retries
      CompletableFuture<Integer> answer = postAsync(receiver, headers, body);
      List<SourceRecord> records = receiver.drain(5_000);
      records.forEach(receiver::acknowledged);
      written.addAll(records);
      assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(204);
    }

    assertThat(written).hasSize(2);
    assertThat(written)
        .extracting(r -> r.headers().lastWithName("hirfa.event.id").value())
        .containsOnly("evt_3");
    assertThat(written)
        .extracting(r -> r.headers().lastWithName("webhook-id").value())
        .containsOnly("msg_3");
    assertThat(written)
        .extracting(r -> ((Struct) r.value()).getString("type"))
        .containsOnly("payment.succeeded");
  }

  @Test
  void forgedOversizedAndNonPostDeliveriesAreRefusedAndNeverBecomeRecords() throws Exception {
    WebhookReceiver receiver = receiver(5_000);
    byte[] body = succeeded("evt_4", "pay_4");
    Map<String, String> forged = signed("msg_4", body);
    forged.put("webhook-signature", "v1,Zm9yZ2VkIHNpZ25hdHVyZQ==");
    byte[] huge = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');

    assertThat(post(receiver, "POST", forged, body)).isEqualTo(400);
    assertThat(post(receiver, "POST", signed("msg_5", huge), huge)).isEqualTo(413);
    assertThat(post(receiver, "GET", Map.of(), new byte[0])).isEqualTo(405);
    assertThat(receiver.drain(200)).isEmpty();
  }

  static Map<String, String> signed(String id, byte[] body) {
    return new java.util.HashMap<>(SIGNER.sign(id, Instant.now(), body));
  }

  static CompletableFuture<Integer> postAsync(
      WebhookReceiver receiver, Map<String, String> headers, byte[] body) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return post(receiver, "POST", headers, body);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static int post(WebhookReceiver receiver, String method, Map<String, String> headers, byte[] body)
      throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + receiver.port() + "/hooks").toURL().openConnection();
    c.setRequestMethod(method);
    c.setReadTimeout(20_000);
    headers.forEach(c::setRequestProperty);
    if (method.equals("POST")) {
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      } catch (IOException refusedEarly) {
        // the receiver may answer 413 before reading the rest of a huge body
      }
    }
    return c.getResponseCode();
  }

  /** A signed-to-be {@code payment.succeeded} body, as the platform sends it. */
  static byte[] succeeded(String eventId, String paymentId) {
    Money amount = Money.parse("1250.00", "MAD");
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    Payment p =
        new Payment(
            paymentId,
            amount,
            amount,
            Money.zero("MAD"),
            PaymentStatus.SUCCEEDED.wireValue(),
            CaptureMethod.AUTOMATIC.wireValue(),
            new PaymentMethodDetails(PaymentMethodType.CARD.wireValue(), "visa", "4242", null),
            "ORD-1",
            "art_7QK2M9",
            new FeeSplit(Money.parse("125.00", "MAD"), Money.parse("1125.00", "MAD")),
            null,
            null,
            null,
            null,
            "kilim",
            Map.of("note", "gift"),
            now,
            now,
            false);
    String object = new String(new Json().encode(p), StandardCharsets.UTF_8);
    return ("{\"id\":\""
            + eventId
            + "\",\"type\":\"payment.succeeded\",\"created_at\":\"2026-11-29T10:00:00Z\","
            + "\"data\":{\"object\":"
            + object
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
