package ma.hirfa.sdk.payments;

import java.time.Instant;
import java.util.List;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * A URL registered to receive events. {@code secret} (the {@code whsec_} key to verify deliveries
 * with) is returned only by {@link WebhookEndpointService#create} and masked in {@code toString()}.
 */
public record WebhookEndpoint(
    String id, String url, List<String> events, @Nullable String secret, Instant createdAt) {
  public WebhookEndpoint {
    events = List.copyOf(events);
  }

  @Override
  public String toString() {
    return Redactor.redact(
        "WebhookEndpoint[id="
            + id
            + ", url="
            + url
            + ", events="
            + events
            + ", secret="
            + (secret == null ? "null" : "whsec_****")
            + ", createdAt="
            + createdAt
            + "]");
  }
}
