package ma.hirfa.sdk.payments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.EventBodies;
import ma.hirfa.sdk.core.internal.json.EventBodies.Envelope;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;

/**
 * Turns a verified {@link WebhookMessage} into a typed {@link PaymentEvent}. Build one and share
 * it: it is thread-safe. Parse only messages that {@code WebhookVerifier} returned.
 */
public final class PaymentEventParser {
  private static final TypeRef<Envelope<Payment>> PAYMENT = new TypeRef<Envelope<Payment>>() {};
  private static final TypeRef<Envelope<Refund>> REFUND = new TypeRef<Envelope<Refund>>() {};
  private static final TypeRef<Envelope<Payout>> PAYOUT = new TypeRef<Envelope<Payout>>() {};
  private static final TypeRef<Envelope<Settlement>> SETTLEMENT =
      new TypeRef<Envelope<Settlement>>() {};

  private final Json json = new Json();

  /**
   * The event in the message.
   *
   * @throws ma.hirfa.sdk.core.webhooks.DuplicateKeyException if any object of the body names a key
   *     twice (the type, a field of the object, anything): readers disagree on which value wins, so
   *     an ambiguous signed body is refused rather than guessed at
   * @throws ResponseDecodingException if the body is malformed or lacks a required field
   */
  public PaymentEvent parse(WebhookMessage message) {
    Objects.requireNonNull(message, "message == null");
    byte[] body = message.body();
    String type = EventBodies.typeOf(body);
    try {
      return switch (type) {
        case "payment.requires_action" ->
            event(body, PAYMENT, PaymentEvent.PaymentRequiresAction::new);
        case "payment.authorized" -> event(body, PAYMENT, PaymentEvent.PaymentAuthorized::new);
        case "payment.succeeded" -> event(body, PAYMENT, PaymentEvent.PaymentSucceeded::new);
        case "payment.failed" -> event(body, PAYMENT, PaymentEvent.PaymentFailed::new);
        case "payment.canceled" -> event(body, PAYMENT, PaymentEvent.PaymentCanceled::new);
        case "payment.captured" -> event(body, PAYMENT, PaymentEvent.PaymentCaptured::new);
        case "refund.succeeded" -> event(body, REFUND, PaymentEvent.RefundSucceeded::new);
        case "refund.failed" -> event(body, REFUND, PaymentEvent.RefundFailed::new);
        case "payout.paid" -> event(body, PAYOUT, PaymentEvent.PayoutPaid::new);
        case "payout.failed" -> event(body, PAYOUT, PaymentEvent.PayoutFailed::new);
        case "settlement.available" ->
            event(body, SETTLEMENT, PaymentEvent.SettlementAvailable::new);
        default -> {
          EventBodies.Header h = decode(body, TypeRef.of(EventBodies.Header.class));
          yield new PaymentEvent.Unknown(
              h.id(), type, h.createdAt(), new String(body, StandardCharsets.UTF_8));
        }
      };
    } catch (IOException | RuntimeException e) {
      if (e instanceof ResponseDecodingException r) {
        throw r;
      }
      throw new ResponseDecodingException(
          "could not decode the " + type + " event: " + e.getMessage(), null, e);
    }
  }

  private <T> PaymentEvent event(byte[] body, TypeRef<Envelope<T>> type, Factory<T> factory)
      throws IOException {
    Envelope<T> e = decode(body, type);
    return factory.create(e.id(), e.createdAt(), e.data().object());
  }

  /** The constructor of one event record. */
  @FunctionalInterface
  private interface Factory<T> {
    PaymentEvent create(String id, Instant createdAt, T object);
  }

  private <T> T decode(byte[] body, TypeRef<T> type) throws IOException {
    return EventBodies.decode(json, body, type);
  }
}
