package ma.hirfa.sdk.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;

/** Webhook messages signed and verified as a receiver gets them. */
final class Messages {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final WebhookSigner SIGNER = WebhookSigner.builder().secret(SECRET).build();
  private static final WebhookVerifier VERIFIER = WebhookVerifier.builder().secret(SECRET).build();

  private Messages() {}

  static WebhookMessage signedAndVerified(String webhookId, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new HashMap<>();
    SIGNER.sign(webhookId, Instant.now(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    return VERIFIER.verify(headers, body);
  }
}
