package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.Mutations;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer, run briefly in CI (-Dfuzz.iterations=N runs longer): mangled JSON for
 * every catalog model and event, and mangled webhook deliveries, must end in a value or the SDK's
 * typed exception, never anything else (no NPE, no StackOverflowError, no hang).
 */
class CatalogFuzzTest {
  static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3_000);
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final List<byte[]> SEEDS = new ArrayList<>();
  static final Map<String, TypeRef<?>> MODELS =
      Map.of(
          "product", TypeRef.of(Product.class),
          "artisan", TypeRef.of(Artisan.class),
          "order", TypeRef.of(Order.class),
          "quote", TypeRef.of(FxQuote.class),
          "taxonomy", TypeRef.of(Taxonomy.class),
          "batch", TypeRef.of(BatchResult.class),
          "changes", TypeRef.of(ChangePage.class));

  @BeforeAll
  static void seeds() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(5).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      Json json = new Json();
      Product p = catalog.products().get("prd_S000001");
      SEEDS.add(json.encode(p));
      SEEDS.add(json.encode(catalog.artisans().get("art_S000001")));
      SEEDS.add(json.encode(catalog.taxonomy().get()));
      SEEDS.add(json.encode(catalog.fxQuotes().create("MAD", "EUR")));
    }
  }

  @Test
  void mangledJsonForEveryModelIsAValueOrADecodingError() {
    SplittableRandom random = new SplittableRandom(20_261_129);
    Json json = new Json();
    List<TypeRef<?>> types = new ArrayList<>(MODELS.values());
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
      TypeRef<?> type = types.get(random.nextInt(types.size()));
      try {
        json.decode(input, type);
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
    CatalogEventParser parser = new CatalogEventParser();
    int typed = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      String type =
          List.of(
                  "product.created",
                  "product.updated",
                  "product.deleted",
                  "artisan.verified",
                  "order.paid")
              .get(random.nextInt(5));
      byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
      byte[] event =
          ("{\"id\":\"evt_1\",\"type\":\""
                  + type
                  + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":"
                  + new String(seed, StandardCharsets.UTF_8)
                  + "}}")
              .getBytes(StandardCharsets.UTF_8);
      byte[] body = random.nextInt(4) == 0 ? event : mutate(event, random);
      WebhookMessage message = verifier.verify(headers(signer.sign(body)), body);
      try {
        parser.parse(message);
        typed++;
      } catch (ResponseDecodingException expected) {
        // the typed error for a body that is not a valid event
      }
    }
    assertThat(typed).isPositive();
  }

  @Test
  void mangledDeliveriesAreRefusedWithATypedReason() {
    SplittableRandom random = new SplittableRandom(11);
    WebhookSigner signer = WebhookSigner.builder().secret(SECRET).build();
    WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();
    byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> good = signer.sign(body);
    for (int i = 0; i < ITERATIONS; i++) {
      Map<String, String> h = new java.util.HashMap<>(good);
      String name = List.copyOf(good.keySet()).get(random.nextInt(good.size()));
      switch (random.nextInt(4)) {
        case 0 ->
            h.put(
                name,
                new String(
                    mutate(good.get(name).getBytes(StandardCharsets.UTF_8), random),
                    StandardCharsets.ISO_8859_1));
        case 1 -> h.remove(name);
        case 2 -> h.put(name, "");
        default -> h.put(name, good.get(name) + " v1," + good.get(name));
      }
      byte[] b = random.nextBoolean() ? body : mutate(body, random);
      try {
        verifier.verify(headers(h), b);
      } catch (WebhookVerificationException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }

  private static Map<String, List<String>> headers(Map<String, String> h) {
    return h.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  private static byte[] mutate(byte[] in, SplittableRandom r) {
    return Mutations.mutate(in, r);
  }
}
