package ma.hirfa.sdk.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the webhook header parser, over seeded random deliveries generated valid and then
 * reshaped the ways proxies and frameworks reshape headers. The expected signature is computed here
 * from the Standard Webhooks rule with {@code javax.crypto} directly, not with {@link
 * WebhookSigner}, so the verifier is checked against the rule and not against itself.
 */
class WebhookHeaderPropertyTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final long TOLERANCE = 300;
  private static final int DELIVERIES = 200;
  private static final WebhookVerifier VERIFIER =
      WebhookVerifier.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** A delivery as the platform sends it: id, timestamp, body and its one valid signature entry. */
  record Delivery(String id, String ts, byte[] body, String signature) {}

  static String expectedSignature(String id, String ts, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
    mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
    mac.update(body);
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
  }

  static Delivery delivery(SplittableRandom r) throws Exception {
    String id = "msg_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
    String ts = Long.toString(NOW.getEpochSecond() + r.nextLong(-TOLERANCE, TOLERANCE + 1));
    byte[] body = new byte[r.nextInt(0, 2_000)];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) r.nextInt(256); // any bytes: the signature is over bytes, not text
    }
    return new Delivery(id, ts, body, expectedSignature(id, ts, body));
  }

  /** A signature entry that must never match: wrong value, unknown version or malformed. */
  static String decoy(SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 0 -> "v1," + randomBase64(r, 44);
      case 1 -> "v1," + randomBase64(r, r.nextInt(0, 60));
      case 2 -> "v2," + randomBase64(r, 44);
      case 3 -> "v1a," + randomBase64(r, 88);
      case 4 -> randomBase64(r, r.nextInt(1, 50)).replace(",", ""); // no comma at all
      case 5 -> "," + randomBase64(r, 44); // no version
      default -> "v1,"; // empty value
    };
  }

  static String randomBase64(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(B64.charAt(r.nextInt(B64.length())));
    }
    return b.toString();
  }

  /** The header name in a random case, as HTTP/1.1 proxies and servlet containers may present. */
  static String anyCase(SplittableRandom r, String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  /**
   * The headers of {@code d} reshaped: names in any case, the valid entry (if {@code withValid})
   * among decoys at a random place, the entries spread over repeated header lines, blank lines, and
   * unrelated headers, in a random order.
   */
  static Map<String, List<String>> reshaped(SplittableRandom r, Delivery d, boolean withValid) {
    List<String> entries = new ArrayList<>();
    int decoys = r.nextInt(0, 6);
    for (int i = 0; i < decoys; i++) {
      entries.add(decoy(r));
    }
    if (withValid) {
      entries.add(r.nextInt(entries.size() + 1), d.signature());
    }
    if (entries.isEmpty()) {
      entries.add(decoy(r));
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String entry : entries) {
      if (line.length() > 0 && r.nextInt(3) == 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(entry);
    }
    lines.add(line.toString());
    if (r.nextInt(4) == 0) {
      lines.add(r.nextInt(lines.size() + 1), r.nextBoolean() ? "" : "   ");
    }
    List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
    headers.add(Map.entry(anyCase(r, "webhook-id"), withBlankFirst(r, d.id())));
    headers.add(Map.entry(anyCase(r, "webhook-timestamp"), withBlankFirst(r, d.ts())));
    headers.add(Map.entry(anyCase(r, "webhook-signature"), lines));
    headers.add(Map.entry("Content-Type", List.of("application/json")));
    headers.add(Map.entry("webhook-other", List.of(decoy(r))));
    headers.add(Map.entry("X-Forwarded-For", List.of("127.0.0.1")));
    Collections.shuffle(headers, new java.util.Random(r.nextLong()));
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * The value, maybe padded with spaces or tabs (not part of an HTTP field value, RFC 9110 §5.5)
   * and maybe after a blank line.
   */
  static List<String> withBlankFirst(SplittableRandom r, String value) {
    String[] pads = {"", "", " ", "\t", "  "};
    String padded = pads[r.nextInt(pads.length)] + value + pads[r.nextInt(pads.length)];
    return r.nextInt(5) == 0 ? List.of(" ", padded) : List.of(padded);
  }

  static Reason reasonOf(Map<String, List<String>> headers, byte[] body) {
    WebhookVerificationException e =
        catchThrowableOfType(
            () -> VERIFIER.verify(headers, body), WebhookVerificationException.class);
    assertThat(e).as("a typed rejection").isNotNull();
    return e.reason();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aValidDeliveryVerifiesHoweverItsHeadersAreReshaped(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DELIVERIES; i++) {
      Delivery d = delivery(r);
      Map<String, List<String>> headers = reshaped(r, d, true);

      WebhookMessage m = VERIFIER.verify(headers, d.body());

      assertThat(m.id()).as("%s", headers).isEqualTo(d.id());
      assertThat(m.timestamp().getEpochSecond()).isEqualTo(Long.parseLong(d.ts()));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void withoutTheValidEntryOnlyDecoysNeverVerify(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DELIVERIES; i++) {
      Delivery d = delivery(r);

      assertThat(reasonOf(reshaped(r, d, false), d.body())).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void anyOneCharacterChangedInTheSignatureIsRejected(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DELIVERIES; i++) {
      Delivery d = delivery(r);
      int at = r.nextInt(3, d.signature().length()); // inside the base64 value
      char was = d.signature().charAt(at);
      char now;
      do {
        now = B64.charAt(r.nextInt(B64.length()));
      } while (now == was);
      String forged = d.signature().substring(0, at) + now + d.signature().substring(at + 1);
      Delivery f = new Delivery(d.id(), d.ts(), d.body(), forged);

      assertThat(reasonOf(reshaped(r, f, true), d.body())).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void anyOneByteChangedInTheBodyIdOrTimestampIsRejected(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DELIVERIES; i++) {
      Delivery d = delivery(r);
      switch (r.nextInt(3)) {
        case 0 -> {
          if (d.body().length == 0) {
            continue;
          }
          byte[] body = d.body().clone();
          body[r.nextInt(body.length)] ^= (byte) (1 << r.nextInt(8));
          assertThat(reasonOf(reshaped(r, d, true), body)).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        }
        case 1 -> {
          Delivery other =
              new Delivery(
                  d.id() + "x", d.ts(), d.body(), d.signature()); // replayed under a new id
          assertThat(reasonOf(reshaped(r, other, true), d.body()))
              .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        }
        default -> {
          long ts = Long.parseLong(d.ts());
          long moved = ts + (ts > NOW.getEpochSecond() ? -1 : 1); // still within the tolerance
          Delivery other = new Delivery(d.id(), Long.toString(moved), d.body(), d.signature());
          assertThat(reasonOf(reshaped(r, other, true), d.body()))
              .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aTimestampIsAcceptedExactlyWithinTheToleranceBoundsIncluded(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DELIVERIES; i++) {
      long offset = r.nextLong(-3 * TOLERANCE, 3 * TOLERANCE + 1);
      if (r.nextInt(4) == 0) {
        offset = r.nextBoolean() ? TOLERANCE + r.nextInt(2) : -TOLERANCE - r.nextInt(2);
      }
      String ts = Long.toString(NOW.getEpochSecond() + offset);
      String id = "msg_t" + i;
      byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      Delivery d = new Delivery(id, ts, body, expectedSignature(id, ts, body));
      Map<String, List<String>> headers = reshaped(r, d, true);

      if (Math.abs(offset) <= TOLERANCE) {
        assertThat(VERIFIER.verify(headers, body).id()).isEqualTo(id);
      } else {
        assertThat(reasonOf(headers, body))
            .as("offset %d s", offset)
            .isEqualTo(offset < 0 ? Reason.TIMESTAMP_TOO_OLD : Reason.TIMESTAMP_TOO_NEW);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aTimestampThatIsNotOneTo19DigitsIsInvalid(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String[] shapes = {"+", "-", " ", ".", "e", "x", "٣", "0x", "1_0"};
    for (int i = 0; i < DELIVERIES; i++) {
      String base = Long.toString(NOW.getEpochSecond());
      String ts =
          switch (r.nextInt(3)) {
            case 0 -> {
              String shape = shapes[r.nextInt(shapes.length)];
              // Around the value, white space is not part of it (HTTP strips it): only inside.
              int at = shape.isBlank() ? r.nextInt(1, base.length()) : r.nextInt(base.length() + 1);
              yield base.substring(0, at) + shape + base.substring(at);
            }
            case 1 -> "1" + "0".repeat(19 + r.nextInt(5)); // 20 digits or more
            default -> "9".repeat(19); // 19 digits that overflow a long
          };
      String id = "msg_bad" + i;
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      Delivery d = new Delivery(id, ts, body, expectedSignature(id, ts, body));
      Map<String, List<String>> headers = reshaped(r, d, true);
      assertThat(reasonOf(headers, body))
          .as("timestamp %s", ts)
          .isEqualTo(Reason.INVALID_TIMESTAMP);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void withAnyRequiredHeaderMissingOrBlankTheReasonIsMissingHeaders(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String[] required = {"webhook-id", "webhook-timestamp", "webhook-signature"};
    for (int i = 0; i < DELIVERIES; i++) {
      Delivery d = delivery(r);
      Map<String, List<String>> headers = reshaped(r, d, true);
      String gone = required[r.nextInt(required.length)];
      String key =
          headers.keySet().stream()
              .filter(k -> k.toLowerCase(Locale.ROOT).equals(gone))
              .findFirst()
              .orElseThrow();
      if (r.nextBoolean()) {
        headers.remove(key);
      } else {
        headers.put(key, r.nextBoolean() ? List.of() : List.of("", "  "));
      }

      assertThat(reasonOf(headers, d.body()))
          .as("without %s", gone)
          .isEqualTo(Reason.MISSING_HEADERS);
    }
  }
}
