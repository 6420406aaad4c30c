package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.webhooks.DuplicateKeyException;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.DuplicateKeys;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E3 for ambiguous catalog events: a key named twice in any object of a signed body is refused. */
class CatalogEventDuplicateKeysTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static String productJson = "";

  private final CatalogEventParser parser = new CatalogEventParser();

  @BeforeAll
  static void aRealProduct() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(5).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      Product p = catalog.products().create(CatalogClientTest.kilim("DUP-1").build());
      productJson = new String(new Json().encode(p), StandardCharsets.UTF_8);
    }
  }

  private static String event(String type) {
    return "{\"id\":\"evt_1\",\"type\":\""
        + type
        + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":"
        + productJson
        + "}}";
  }

  private CatalogEvent parseSigned(byte[] body) {
    Map<String, List<String>> headers =
        WebhookSigner.builder()
            .secret(SECRET)
            .clock(CLOCK)
            .build()
            .sign("msg_1", NOW, body)
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    return parser.parse(
        WebhookVerifier.builder().secret(SECRET).clock(CLOCK).build().verify(headers, body));
  }

  @Test
  void aGenuineProductEventParses() {
    assertThat(parseSigned(event("product.updated").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CatalogEvent.ProductUpdated.class);
  }

  @Test
  void aProductWhosePriceIsWrittenTwiceIsRefused() {
    String genuine = productJson;
    String twice =
        genuine.substring(0, genuine.length() - 1)
            + ",\"price\":{\"amount_minor\":100,\"currency\":\"MAD\"}}";
    byte[] body =
        event("product.updated").replace(productJson, twice).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parseSigned(body))
        .isInstanceOfSatisfying(
            DuplicateKeyException.class,
            e -> assertThat(e.path()).isEqualTo("$.data.object.price"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aKeyRepeatedAnywhereInASignedCatalogEventIsRefused(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] genuine =
        event(random.nextBoolean() ? "product.created" : "product.updated")
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
