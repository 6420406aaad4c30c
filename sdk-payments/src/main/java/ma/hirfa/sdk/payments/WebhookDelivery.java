package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to a webhook endpoint, as the endpoint's delivery log lists it ({@code
 * whd_...}, {@link WebhookEndpointService#listDeliveries}): it tells a receiver that missed events
 * which ones, and whether the platform still retries them.
 *
 * @param eventId the {@code evt_} id of the event delivered
 * @param eventType the event's type, like {@code payment.succeeded}, as sent
 * @param webhookId the {@code webhook-id} header, the same on every attempt: what a receiver
 *     deduplicates on
 * @param statusAsString the status as the API sent it; {@link #status()} is its {@link
 *     WebhookDeliveryStatus}
 * @param attempts how many times it was sent so far
 * @param lastResponseStatus the HTTP status the endpoint last answered; null before the first
 *     answer (or when the last attempt got none)
 * @param lastAttemptAt when it was last sent; null before the first attempt
 */
public record WebhookDelivery(
    String id,
    String eventId,
    String eventType,
    String webhookId,
    String statusAsString,
    int attempts,
    @Nullable Integer lastResponseStatus,
    @Nullable Instant lastAttemptAt) {

  /** The status; {@link WebhookDeliveryStatus#UNKNOWN} for a value newer than this SDK. */
  public WebhookDeliveryStatus status() {
    return WebhookDeliveryStatus.fromWire(statusAsString);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
