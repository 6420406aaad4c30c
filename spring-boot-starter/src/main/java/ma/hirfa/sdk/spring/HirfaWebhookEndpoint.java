package ma.hirfa.sdk.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.core.webhooks.servlet.ServletWebhooks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's webhooks, at {@code hirfa.webhooks.path}: reads at most {@code
 * hirfa.webhooks.max-body-size} of the raw body, verifies it, turns it into its typed event and
 * publishes that as a Spring application event, once per delivery id.
 *
 * <pre>{@code
 * @EventListener
 * void on(PaymentEvent.PaymentSucceeded e) {
 *   orders.markPaid(e.payment().orderReference());   // runs once per event, even when redelivered
 * }
 * }</pre>
 *
 * <p>Answers: {@code 204} once the listeners returned, and for a delivery already applied (a
 * redelivery, or a retry whose first answer was lost); {@code 400} with the reason when the
 * delivery does not verify or its body is not a valid event; {@code 413} when it is too large;
 * {@code 500} when a listener threw, so that the platform delivers it again, and it is applied
 * then. Listeners run synchronously on the request thread.
 */
@RestController
public final class HirfaWebhookEndpoint {
  private final WebhookVerifier verifier;
  private final ProcessedEvents processed;
  private final Function<WebhookMessage, Object> parser;
  private final ApplicationEventPublisher publisher;
  private final int maxBodyBytes;

  HirfaWebhookEndpoint(
      WebhookVerifier verifier,
      ProcessedEvents processed,
      Function<WebhookMessage, Object> parser,
      ApplicationEventPublisher publisher,
      int maxBodyBytes) {
    this.verifier = verifier;
    this.processed = processed;
    this.parser = parser;
    this.publisher = publisher;
    this.maxBodyBytes = maxBodyBytes;
  }

  @PostMapping(path = "${hirfa.webhooks.path:/hirfa/webhooks}")
  public ResponseEntity<String> receive(HttpServletRequest request) {
    WebhookMessage message;
    try {
      message = ServletWebhooks.verify(verifier, request, maxBodyBytes);
    } catch (ValidationException tooLarge) {
      return answer(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + maxBodyBytes + " bytes");
    } catch (WebhookVerificationException e) {
      return answer(HttpStatus.BAD_REQUEST, e.reason().name());
    }
    Object event;
    try {
      event = parser.apply(message);
    } catch (ResponseDecodingException e) {
      return answer(HttpStatus.BAD_REQUEST, "not a valid event");
    }
    processed.processOnce(message.id(), message.timestamp(), () -> publisher.publishEvent(event));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<String> answer(HttpStatus status, String reason) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
  }
}
