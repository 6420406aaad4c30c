package ma.hirfa.sdk.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every vector of the shared Standard Webhooks file through {@link WebhookVerifier}. */
class StandardWebhooksVectorsTest {
  private static final String RESOURCE = "/webhooks/standard-webhooks-vectors.json";

  @SuppressWarnings("unchecked")
  static Stream<Arguments> vectors() throws IOException {
    Map<String, Object> file;
    try (InputStream in =
        Objects.requireNonNull(StandardWebhooksVectorsTest.class.getResourceAsStream(RESOURCE))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      file =
          (Map<String, Object>)
              Objects.requireNonNull(
                  new Moshi.Builder()
                      .build()
                      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
                      .fromJson(text));
    }
    List<Map<String, Object>> vectors = (List<Map<String, Object>>) file.get("vectors");
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(40);
    return vectors.stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void vector(String id, Map<String, Object> v) throws Exception {
    byte[] body = body(v);
    assertThat(body.length).isEqualTo(((Number) v.get("payload_length_bytes")).intValue());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
        .isEqualTo(v.get("payload_sha256"));
    Map<String, Object> expected = (Map<String, Object>) v.get("expected");
    Clock clock =
        Clock.fixed(Instant.ofEpochSecond(((Number) v.get("now")).longValue()), ZoneOffset.UTC);
    WebhookVerifier.Builder builder =
        WebhookVerifier.builder()
            .secret((String) v.get("secret"))
            .clock(clock)
            .tolerance(Duration.ofSeconds(((Number) v.get("tolerance_seconds")).longValue()));

    if ("construct".equals(expected.get("stage"))) {
      // The vectors' EMPTY_SECRET and INVALID_SECRET are configuration errors here: a bad secret
      // is a ValidationException naming it, never a verification failure.
      assertThat(expected.get("error")).isIn("EMPTY_SECRET", "INVALID_SECRET");
      assertThatThrownBy(builder::build)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("secret"));
      return;
    }
    WebhookVerifier verifier = builder.build();
    Map<String, List<String>> headers = headers((Map<String, Object>) v.get("headers"));
    if ("valid".equals(expected.get("result"))) {
      WebhookMessage m = verifier.verify(headers, body);
      assertThat(m.id()).isEqualTo(v.get("msg_id"));
      assertThat(m.body()).isSameAs(body);
      assertThat(m.timestamp().getEpochSecond())
          .isEqualTo(Long.parseLong((String) v.get("timestamp")));
      String signature = (String) v.get("expected_signature");
      if (signature != null) {
        WebhookSigner signer = WebhookSigner.builder().secret((String) v.get("secret")).build();
        assertThat(signer.sign(m.id(), m.timestamp(), body).get("webhook-signature"))
            .isEqualTo(signature);
      }
    } else {
      assertThatThrownBy(() -> verifier.verify(headers, body))
          .isInstanceOfSatisfying(
              WebhookVerificationException.class,
              e -> {
                assertThat(e.reason().name()).isEqualTo(expected.get("error"));
                assertThat(e.getMessage())
                    .doesNotContain(((String) v.get("secret")).replace("whsec_", ""));
              });
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> headers(Map<String, Object> raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    raw.forEach(
        (k, value) ->
            out.put(
                k,
                value instanceof List<?> l
                    ? new ArrayList<>((List<String>) l)
                    : List.of((String) value)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static byte[] body(Map<String, Object> v) {
    if (v.get("payload_b64") instanceof String b64) {
      return Base64.getDecoder().decode(b64);
    }
    if (v.get("payload_generator") instanceof Map<?, ?> g) {
      Map<String, Object> gen = (Map<String, Object>) g;
      return ((String) gen.get("unit"))
          .repeat(((Number) gen.get("count")).intValue())
          .getBytes(StandardCharsets.UTF_8);
    }
    return ((String) Objects.requireNonNull(v.get("payload"))).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bundledCopyMatchesTheSharedFileWhenPresent() throws IOException {
    Path shared = Path.of("../../shared/data/standard-webhooks-vectors.json");
    assumeTrue(Files.exists(shared), "shared/ is beside the checkout");
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(RESOURCE))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(shared));
    }
  }
}
