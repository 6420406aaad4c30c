package ma.hirfa.sdk.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the platform's webhooks (Standard Webhooks 1.0) over the raw body bytes.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secret(System.getenv("HIRFA_WEBHOOK_SECRET"))   // whsec_...
 *     .build();
 *
 * // in the HTTP handler, with the body bytes exactly as received:
 * WebhookMessage message = verifier.verify(request.headers(), rawBody);
 * }</pre>
 *
 * <h2>What is checked, in order</h2>
 *
 * <ol>
 *   <li>{@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} are present and
 *       not empty (names are matched case-insensitively);
 *   <li>the timestamp is 1 to 19 decimal digits that fit a {@code long};
 *   <li>it lies within the tolerance of the clock, both bounds included (default 5 minutes);
 *   <li>one entry of {@code webhook-signature} (every line of a repeated header is read, entries
 *       are space-separated {@code version,base64}) matches: {@code v1} is HMAC-SHA256 over {@code
 *       id.timestamp.body} with any configured secret, {@code v1a} is Ed25519 with the configured
 *       public key. Unknown versions and malformed entries are skipped; a value must be the exact
 *       padded standard base64. Comparison is constant-time;
 * </ol>
 *
 * <h2>Verified is not processed</h2>
 *
 * {@code verify} checks and returns; it records nothing, so a verification followed by a handler
 * that fails loses nothing: the platform's retry (same {@code webhook-id}) verifies again. Run the
 * handler through {@link ProcessedEvents#processOnce(WebhookMessage, WebhookHandler)}, which
 * records the id only after the handler succeeded and skips ids already processed, including a
 * captured message replayed within the tolerance:
 *
 * <pre>{@code
 * WebhookMessage message = verifier.verify(headers, rawBody);
 * processed.processOnce(message, m -> ship(parser.parse(m)));   // then answer 2xx
 * }</pre>
 *
 * <h2>Raw bytes</h2>
 *
 * The signature covers the exact bytes sent. Verify before any JSON parsing or charset decoding: a
 * re-serialised body (whitespace, key order, {@code \\u0632}-style escapes, a trailing newline) no
 * longer verifies. See {@code docs/webhooks.md} for keeping the raw body in Spring and others.
 *
 * <h2>Secret rotation</h2>
 *
 * Call {@link Builder#secret(String)} once per secret: during a rotation configure both the old and
 * the new secret; a message signed by either verifies.
 *
 * <h2>Thread safety</h2>
 *
 * A verifier is immutable and safe to share; build one at start-up.
 */
public final class WebhookVerifier {
  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  private final List<SecretKeySpec> secrets;
  private final @Nullable PublicKey publicKey;
  private final long toleranceSeconds;
  private final Clock clock;

  /** One initialised Mac per secret and thread: Mac.getInstance costs more than a 1 KB HMAC. */
  private final ThreadLocal<Mac[]> macs;

  private WebhookVerifier(Builder b, List<SecretKeySpec> secrets, @Nullable PublicKey publicKey) {
    this.secrets = List.copyOf(secrets);
    this.publicKey = publicKey;
    this.toleranceSeconds = b.tolerance.toSeconds();
    this.clock = b.clock;
    this.macs = ThreadLocal.withInitial(this::newMacs);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a message and returns it, or throws {@link WebhookVerificationException} naming the
   * failed check.
   *
   * @param headers the request headers; names in any case, each with one or more values
   * @param body the body bytes exactly as received
   */
  public WebhookMessage verify(Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    // One pass over the headers: names are matched case-insensitively, empty values ignored.
    String id = null;
    String ts = null;
    List<String> signatures = new ArrayList<>(1);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      String name = e.getKey();
      List<String> values = e.getValue();
      if (name == null
          || values == null
          || name.length() < 10
          || !name.regionMatches(true, 0, "webhook-", 0, 8)) {
        continue;
      }
      if (name.equalsIgnoreCase(SIGNATURE)) {
        for (String v : values) {
          if (v != null && !v.isBlank()) {
            signatures.add(v);
          }
        }
      } else if (id == null && name.equalsIgnoreCase(ID)) {
        id = firstNonBlank(values);
      } else if (ts == null && name.equalsIgnoreCase(TIMESTAMP)) {
        ts = firstNonBlank(values);
      }
    }
    if (id == null || ts == null || signatures.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADERS,
          "webhook-id, webhook-timestamp and webhook-signature are required");
    }
    long timestamp = parseTimestamp(ts);
    long now = clock.instant().getEpochSecond();
    if (timestamp < now - toleranceSeconds) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD,
          "the message timestamp is more than " + toleranceSeconds + " s old");
    }
    if (timestamp > now + toleranceSeconds) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_NEW,
          "the message timestamp is more than " + toleranceSeconds + " s in the future");
    }
    if (!anySignatureMatches(id, ts, body, signatures)) {
      throw new WebhookVerificationException(
          Reason.NO_MATCHING_SIGNATURE, "no signature matches the message (id " + id + ")");
    }
    return new WebhookMessage(id, Instant.ofEpochSecond(timestamp), body);
  }

  private boolean anySignatureMatches(String id, String ts, byte[] body, List<String> lines) {
    byte[][] expected = null;
    byte[] signedContent = null;
    for (String line : lines) {
      int n = line.length();
      int start = 0;
      while (start < n) {
        int space = line.indexOf(' ', start);
        int end = space < 0 ? n : space;
        int comma = line.indexOf(',', start);
        int entryStart = start;
        start = end + 1;
        if (comma <= entryStart || comma >= end) {
          continue; // malformed entries are skipped, never thrown
        }
        int versionLength = comma - entryStart;
        if (versionLength == 2 && line.startsWith("v1", entryStart)) {
          if (expected == null) {
            expected = expectedV1(id, ts, body);
          }
          for (byte[] candidate : expected) {
            if (constantTimeEquals(candidate, line, comma + 1, end)) {
              return true;
            }
          }
        } else if (versionLength == 3 && line.startsWith("v1a", entryStart) && publicKey != null) {
          if (signedContent == null) {
            signedContent = signedContent(id, ts, body);
          }
          byte[] value = line.substring(comma + 1, end).getBytes(StandardCharsets.US_ASCII);
          if (verifyEd25519(signedContent, value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Compares the expected base64 text with {@code text[from, to)}. Requiring the exact text means
   * only the exact padded standard encoding matches; the loop reads every byte whatever the first
   * difference, so the time taken does not tell an attacker how much of a forgery was right.
   */
  private static boolean constantTimeEquals(byte[] expected, String text, int from, int to) {
    if (to - from != expected.length) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < expected.length; i++) {
      diff |= expected[i] ^ text.charAt(from + i);
    }
    return diff == 0;
  }

  private byte[][] expectedV1(String id, String ts, byte[] body) {
    Mac[] perSecret = macs.get();
    byte[] prefix = prefix(id, ts);
    byte[][] out = new byte[perSecret.length][];
    for (int i = 0; i < perSecret.length; i++) {
      Mac mac = perSecret[i];
      mac.update(prefix);
      mac.update(body);
      out[i] = Base64.getEncoder().encode(mac.doFinal());
    }
    return out;
  }

  /**
   * {@code id.timestamp.} as UTF-8, written directly when the id is ASCII (it always is in
   * practice).
   */
  static byte[] prefix(String id, String ts) {
    int idLength = id.length();
    int tsLength = ts.length();
    byte[] out = new byte[idLength + tsLength + 2];
    for (int i = 0; i < idLength; i++) {
      char c = id.charAt(i);
      if (c >= 0x80) {
        return (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
      }
      out[i] = (byte) c;
    }
    out[idLength] = '.';
    for (int i = 0; i < tsLength; i++) {
      out[idLength + 1 + i] = (byte) ts.charAt(i); // digits only, checked by parseTimestamp
    }
    out[idLength + tsLength + 1] = '.';
    return out;
  }

  private boolean verifyEd25519(byte[] content, byte[] base64) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (signature.length != 64 || base64.length != 88) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Objects.requireNonNull(publicKey));
      verifier.update(content);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static byte[] signedContent(String id, String ts, byte[] body) {
    byte[] prefix = prefix(id, ts);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static long parseTimestamp(String ts) {
    int n = ts.length();
    if (n < 1 || n > 19) {
      throw invalidTimestamp();
    }
    for (int i = 0; i < n; i++) {
      char c = ts.charAt(i);
      if (c < '0' || c > '9') {
        throw invalidTimestamp();
      }
    }
    try {
      return Long.parseLong(ts);
    } catch (NumberFormatException e) {
      throw invalidTimestamp();
    }
  }

  private static WebhookVerificationException invalidTimestamp() {
    return new WebhookVerificationException(
        Reason.INVALID_TIMESTAMP, "webhook-timestamp must be Unix seconds (1 to 19 digits)");
  }

  private static @Nullable String firstNonBlank(List<String> values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private Mac[] newMacs() {
    Mac[] out = new Mac[secrets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = initMac(secrets.get(i));
    }
    return out;
  }

  static Mac initMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }

  /** Builds a {@link WebhookVerifier}; secrets are checked in {@link #build()}. */
  public static final class Builder {
    private final List<String> secrets = new ArrayList<>();
    private @Nullable String publicKey;
    private Duration tolerance = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a {@code whsec_} secret; call again to accept several during a rotation.
     *
     * @throws ValidationException naming {@code secret} if it is null (an environment variable that
     *     is not set, most often)
     */
    public Builder secret(@Nullable String secret) {
      secrets.add(WebhookKeys.strip(secret, "", "secret"));
      return this;
    }

    /**
     * Accepts {@code v1a} (Ed25519) signatures made with the key of this {@code whpk_} public key.
     *
     * @throws ValidationException naming {@code publicKey} if it is null
     */
    public Builder publicKey(@Nullable String publicKey) {
      this.publicKey = WebhookKeys.strip(publicKey, "", "publicKey");
      return this;
    }

    /**
     * How far the timestamp may be from the clock, either way; default 5 minutes, whole seconds. It
     * is also the window in which a captured message can be replayed at all: keep processed ids at
     * least this long (see {@link ProcessedEvents}).
     *
     * @throws ValidationException naming {@code tolerance} if it is negative or over one day
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance == null");
      if (tolerance.isNegative() || tolerance.compareTo(Duration.ofDays(1)) > 0) {
        throw new ValidationException(
            "tolerance", "must be between 0 and 1 day but was " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws ValidationException naming {@code secret} or {@code publicKey} when a key is empty,
     *     not base64 or of the wrong size, or when neither was given
     */
    public WebhookVerifier build() {
      List<SecretKeySpec> keys = new ArrayList<>();
      for (String s : secrets) {
        keys.add(new SecretKeySpec(WebhookKeys.hmacKey(s), "HmacSHA256"));
      }
      PublicKey pk = publicKey == null ? null : WebhookKeys.publicKey(publicKey);
      if (keys.isEmpty() && pk == null) {
        throw new ValidationException("secret", "give a secret or a public key");
      }
      return new WebhookVerifier(this, keys, pk);
    }
  }
}
