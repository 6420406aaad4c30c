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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
 * <h2>Answers</h2>
 *
 * <ul>
 *   <li>{@code 204} once every listener returned, and for a delivery already applied (a redelivery,
 *       or a retry whose first answer was lost): nothing runs again.
 *   <li>{@code 400} with the reason ({@code INVALID_SIGNATURE}, {@code TIMESTAMP_TOO_OLD}...) when
 *       the delivery does not verify, or its body is not a valid event: no listener runs.
 *   <li>{@code 413} when the body is larger than {@code hirfa.webhooks.max-body-size}: it is not
 *       read further, and no listener runs.
 *   <li>{@code 500} when a listener threw: the event is not recorded as applied, so the platform
 *       delivers it again and the listeners run then.
 * </ul>
 *
 * <h2>Listeners are one unit</h2>
 *
 * Listeners run synchronously on the request thread, in their {@code @Order}. The event is recorded
 * as applied only when all of them returned: if the second of two listeners throws, the redelivery
 * runs both again, so keep one listener per event type or make each one idempotent. An
 * {@code @Async} listener returns before its work is done and loses that guarantee.
 */
@RestController
public final class HirfaWebhookEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(HirfaWebhookEndpoint.class);

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
    } catch (ValidationException e) {
      if (!e.field().equals("body")) {
        throw e;
      }
      return answer(413, "body over " + maxBodyBytes + " bytes");
    } catch (WebhookVerificationException e) {
      return answer(400, e.reason().name());
    }
    Object event;
    try {
      event = parser.apply(message);
    } catch (ResponseDecodingException e) {
      return answer(400, "not a valid event");
    }
    try {
      processed.processOnce(message.id(), message.timestamp(), () -> publisher.publishEvent(event));
    } catch (RuntimeException e) {
      // Not recorded: the platform's retry runs the listeners again. The id and type only: the
      // event's body may carry personal data, and the listener's exception is the application's.
      LOG.warn(
          "Hirfa webhook {} ({}) not applied: a listener threw {}; answering 500 so that the"
              + " platform delivers it again",
          message.id(),
          event.getClass().getSimpleName(),
          e.getClass().getName());
      return answer(500, "not applied: a listener failed");
    }
    return ResponseEntity.noContent().build();
  }

  /** A status by number: Spring 7 renamed 413's constant, and the starter runs on 6.2 too. */
  private static ResponseEntity<String> answer(int status, String reason) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
  }
}
