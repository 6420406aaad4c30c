package ma.hirfa.sdk.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A webhook whose signature and timestamp were verified: its id (unique per message, stable across
 * the sender's retries), its timestamp, and the body exactly as received.
 */
public final class WebhookMessage {
  private final String id;
  private final Instant timestamp;
  private final byte[] body;

  WebhookMessage(String id, Instant timestamp, byte[] body) {
    this.id = id;
    this.timestamp = timestamp;
    this.body = body;
  }

  /** The {@code webhook-id}: use it to make the handling idempotent. */
  public String id() {
    return id;
  }

  /** The {@code webhook-timestamp}. */
  public Instant timestamp() {
    return timestamp;
  }

  /** The verified body: the very array passed to {@code verify}, untouched. Do not modify it. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookMessage m
        && id.equals(m.id)
        && timestamp.equals(m.timestamp)
        && Arrays.equals(body, m.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, timestamp);
  }

  @Override
  public String toString() {
    return "WebhookMessage{id="
        + id
        + ", timestamp="
        + timestamp
        + ", body="
        + body.length
        + " bytes}";
  }
}
