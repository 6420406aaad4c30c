package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.webhooks.DuplicateKeyException;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.DuplicateKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * E3 for ambiguous payment events: a signed body naming a key twice, at any depth, is refused with
 * {@link DuplicateKeyException} instead of being read first-wins for the type and last-wins for the
 * fields.
 */
class PaymentEventDuplicateKeysTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);

  private final PaymentEventParser parser = new PaymentEventParser();

  static String paymentJson() {
    Money amount = Money.parse("1250.00", "MAD");
    Payment p =
        new Payment(
            "pay_1",
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
            NOW,
            NOW,
            false);
    return new String(new Json().encode(p), StandardCharsets.UTF_8);
  }

  static String event(String type, String object) {
    return "{\"id\":\"evt_1\",\"type\":\""
        + type
        + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":"
        + object
        + "}}";
  }

  private PaymentEvent parseSigned(String body) {
    return parseSigned(body.getBytes(StandardCharsets.UTF_8));
  }

  private PaymentEvent parseSigned(byte[] body) {
    Map<String, List<String>> headers =
        WebhookSigner.builder()
            .secret(SECRET)
            .clock(CLOCK)
            .build()
            .sign("msg_1", NOW, body)
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    WebhookMessage message =
        WebhookVerifier.builder().secret(SECRET).clock(CLOCK).build().verify(headers, body);
    return parser.parse(message);
  }

  @Test
  void aGenuineBodyParses() {
    PaymentEvent e = parseSigned(event("payment.succeeded", paymentJson()));

    assertThat(e).isInstanceOf(PaymentEvent.PaymentSucceeded.class);
  }

  @Test
  void aSucceededEventWhosePaymentStatusIsWrittenTwiceIsRefused() {
    String genuine = paymentJson();
    String object = genuine.substring(0, genuine.length() - 1) + ",\"status\":\"failed\"}";

    assertThatThrownBy(() -> parseSigned(event("payment.succeeded", object)))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class,
            e -> {
              assertThat(e.key()).isEqualTo("status");
              assertThat(e.path()).isEqualTo("$.data.object.status");
            });
  }

  @Test
  void anEventWhoseTypeIsWrittenTwiceIsRefused() {
    String genuine = event("payment.succeeded", paymentJson());
    String body = genuine.substring(0, genuine.length() - 1) + ",\"type\":\"payment.failed\"}";

    assertThatThrownBy(() -> parseSigned(body))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo("type"));
  }

  /** Any key of any object of a genuine event, written again before or after: always refused. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aKeyRepeatedAnywhereInASignedEventIsRefused(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] genuine =
        event(random.nextBoolean() ? "payment.succeeded" : "payment.failed", paymentJson())
            .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 200; i++) {
      DuplicateKeys.Result r = DuplicateKeys.inject(genuine, random);

      assertThatThrownBy(() -> parseSigned(r.json()))
          .as(new String(r.json(), StandardCharsets.UTF_8))
          .isInstanceOfSatisfying(
              DuplicateKeyException.class,
              e -> {
                assertThat(e.key()).isEqualTo(r.key());
                assertThat(e.path()).isEqualTo(r.path());
              });
    }
  }
}
