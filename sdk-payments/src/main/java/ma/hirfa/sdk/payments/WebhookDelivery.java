package ma.hirfa.sdk.payments;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to a webhook endpoint, with its attempts so far: the endpoint's delivery log
 * ({@link WebhookEndpointService#listDeliveries}) tells a receiver that missed events which ones,
 * and whether the platform still retries them.
 *
 * @param id the delivery's id, like {@code whd_1}
 * @param eventId the event delivered, like {@code evt_1}
 * @param eventType the event's type, like {@code payment.succeeded}
 * @param webhookId the {@code webhook-id} header, the same on every attempt
 * @param attempts the attempts made so far
 * @param lastResponseStatus the HTTP status of the last attempt, or null before the first (0 when
 *     no answer came)
 * @param lastAttemptAt when the last attempt was made, or null before the first
 */
public record WebhookDelivery(
    String id,
    String eventId,
    String eventType,
    String webhookId,
    WebhookDeliveryStatus status,
    int attempts,
    @Nullable Integer lastResponseStatus,
    @Nullable Instant lastAttemptAt) {

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
