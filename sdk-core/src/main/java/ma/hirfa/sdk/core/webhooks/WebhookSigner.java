package ma.hirfa.sdk.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Signs webhooks the way the platform does, for the sandbox and for partners' tests of their
 * receivers.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.builder().secret("whsec_...").build();
 * Map<String, String> headers = signer.sign("msg_123", Instant.now(), body);
 * // POST body with these three headers to the receiver under test
 * }</pre>
 *
 * <p>With several secrets (a rotation) or a {@code whsk_} signing key, the {@code
 * webhook-signature} header carries one space-separated entry per key. Immutable and thread-safe.
 */
public final class WebhookSigner {
  private final List<SecretKeySpec> secrets;
  private final @Nullable PrivateKey signingKey;
  private final Clock clock;

  private WebhookSigner(List<SecretKeySpec> secrets, @Nullable PrivateKey signingKey, Clock clock) {
    this.secrets = List.copyOf(secrets);
    this.signingKey = signingKey;
    this.clock = clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The three headers for {@code body}, sent as message {@code id} at {@code timestamp}. */
  public Map<String, String> sign(String id, Instant timestamp, byte[] body) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(body, "body == null");
    if (id.isBlank()) {
      throw new ValidationException("id", "must not be blank");
    }
    String ts = Long.toString(timestamp.getEpochSecond());
    StringBuilder signature = new StringBuilder();
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    for (SecretKeySpec key : secrets) {
      Mac mac = WebhookVerifier.initMac(key);
      mac.update(idBytes);
      mac.update((byte) '.');
      mac.update(ts.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      append(signature, "v1," + Base64.getEncoder().encodeToString(mac.doFinal()));
    }
    if (signingKey != null) {
      try {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(signingKey);
        ed.update(WebhookVerifier.signedContent(id, ts, body));
        append(signature, "v1a," + Base64.getEncoder().encodeToString(ed.sign()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 signing failed", e);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookVerifier.ID, id);
    headers.put(WebhookVerifier.TIMESTAMP, ts);
    headers.put(WebhookVerifier.SIGNATURE, signature.toString());
    return headers;
  }

  /** Signs {@code body} as a new message ({@code msg_} + random id) at the clock's time. */
  public Map<String, String> sign(byte[] body) {
    return sign("msg_" + UUID.randomUUID().toString().replace("-", ""), clock.instant(), body);
  }

  private static void append(StringBuilder sb, String entry) {
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(entry);
  }

  /** Builds a {@link WebhookSigner}. */
  public static final class Builder {
    private final List<String> secrets = new ArrayList<>();
    private @Nullable String signingKey;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Signs with this {@code whsec_} secret ({@code v1}); call again to sign with several.
     *
     * @throws ValidationException naming {@code secret} if it is null
     */
    public Builder secret(@Nullable String secret) {
      secrets.add(WebhookKeys.strip(secret, "", "secret"));
      return this;
    }

    /**
     * Also signs {@code v1a} with this {@code whsk_} Ed25519 seed.
     *
     * @throws ValidationException naming {@code signingKey} if it is null
     */
    public Builder signingKey(@Nullable String signingKey) {
      this.signingKey = WebhookKeys.strip(signingKey, "", "signingKey");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @throws ValidationException naming {@code secret} or {@code signingKey} when a key is empty,
     *     not base64 or of the wrong size, or when neither was given
     */
    public WebhookSigner build() {
      List<SecretKeySpec> keys = new ArrayList<>();
      for (String s : secrets) {
        keys.add(new SecretKeySpec(WebhookKeys.hmacKey(s), "HmacSHA256"));
      }
      PrivateKey sk = signingKey == null ? null : WebhookKeys.privateKey(signingKey);
      if (keys.isEmpty() && sk == null) {
        throw new ValidationException("secret", "give a secret or a signing key");
      }
      return new WebhookSigner(keys, sk, clock);
    }
  }
}
