package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.Mutations;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of every payments model and event, run briefly in CI ({@code
 * -Dfuzz.iterations=N} runs longer): a value or a typed exception, never anything else.
 */
class PaymentsFuzzTest {
  static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3_000);
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final List<byte[]> SEEDS = new ArrayList<>();
  static final List<TypeRef<?>> MODELS =
      List.of(
          TypeRef.of(Payment.class),
          TypeRef.of(Refund.class),
          TypeRef.of(Payout.class),
          TypeRef.of(Settlement.class),
          TypeRef.of(SettlementLine.class),
          TypeRef.of(WebhookEndpoint.class));

  @BeforeAll
  static void seeds() {
    try (Sandbox sandbox = Sandbox.start();
        PaymentsClient client =
            PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      Json json = new Json();
      Payment p =
          client
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(Money.parse("100.00", "MAD"))
                      .orderReference("FUZZ-1")
                      .artisanId("art_7QK2M9")
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build());
      SEEDS.add(json.encode(p));
      SEEDS.add(
          json.encode(
              client
                  .refunds()
                  .create(RefundCreateParams.partial(p.id(), Money.parse("10.00", "MAD")))));
      SEEDS.add(
          json.encode(
              client
                  .payouts()
                  .create(
                      PayoutCreateParams.of(
                          "art_7QK2M9",
                          Money.parse("50.00", "MAD"),
                          PayoutDestination.rib("011519000001205000534921")))));
    }
  }

  @Test
  void mangledJsonForEveryModelIsAValueOrADecodingError() {
    SplittableRandom random = new SplittableRandom(20_261_129);
    Json json = new Json();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = Mutations.mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
      try {
        json.decode(input, MODELS.get(random.nextInt(MODELS.size())));
      } catch (java.io.IOException | RuntimeException expected) {
        // ClientRuntime.decode turns both into ResponseDecodingException.
      } catch (Throwable t) {
        fail("input " + new String(input, StandardCharsets.UTF_8) + " threw " + t, t);
      }
    }
  }

  @Test
  void mangledEventsAreTypedEventsOrDecodingErrors() {
    SplittableRandom random = new SplittableRandom(7);
    WebhookSigner signer = WebhookSigner.builder().secret(SECRET).build();
    WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();
    PaymentEventParser parser = new PaymentEventParser();
    List<String> types =
        List.of("payment.succeeded", "payment.failed", "refund.succeeded", "payout.paid");
    int typed = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      int seed = random.nextInt(SEEDS.size());
      byte[] event =
          ("{\"id\":\"evt_1\",\"type\":\""
                  + types.get(seed == 0 ? random.nextInt(2) : seed + 1)
                  + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":"
                  + new String(SEEDS.get(seed), StandardCharsets.UTF_8)
                  + "}}")
              .getBytes(StandardCharsets.UTF_8);
      byte[] body = random.nextInt(4) == 0 ? event : Mutations.mutate(event, random);
      Map<String, List<String>> headers =
          signer.sign(body).entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
      try {
        parser.parse(verifier.verify(headers, body));
        typed++;
      } catch (ResponseDecodingException expected) {
        // the typed error for a body that is not a valid event
      }
    }
    assertThat(typed).isPositive();
  }
}
