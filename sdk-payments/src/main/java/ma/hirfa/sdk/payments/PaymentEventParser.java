package ma.hirfa.sdk.payments;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.Json;
import ma.hirfa.sdk.core.internal.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified {@link WebhookMessage} into a typed {@link PaymentEvent}. Build one and share
 * it: it is thread-safe. Parse only messages that {@code WebhookVerifier} returned.
 */
public final class PaymentEventParser {
  private final Json json = new Json();

  /** The event in the message; a malformed body is a {@link ResponseDecodingException}. */
  public PaymentEvent parse(WebhookMessage message) {
    Objects.requireNonNull(message, "message == null");
    byte[] body = message.body();
    String type = typeOf(body);
    try {
      return switch (type) {
        case "payment.requires_action" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentRequiresAction(e.id(), e.createdAt(), e.data().object());
        }
        case "payment.authorized" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentAuthorized(e.id(), e.createdAt(), e.data().object());
        }
        case "payment.succeeded" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentSucceeded(e.id(), e.createdAt(), e.data().object());
        }
        case "payment.failed" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentFailed(e.id(), e.createdAt(), e.data().object());
        }
        case "payment.canceled" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentCanceled(e.id(), e.createdAt(), e.data().object());
        }
        case "payment.captured" -> {
          Envelope<Payment> e = decode(body, new TypeRef<Envelope<Payment>>() {});
          yield new PaymentEvent.PaymentCaptured(e.id(), e.createdAt(), e.data().object());
        }
        case "refund.succeeded" -> {
          Envelope<Refund> e = decode(body, new TypeRef<Envelope<Refund>>() {});
          yield new PaymentEvent.RefundSucceeded(e.id(), e.createdAt(), e.data().object());
        }
        case "refund.failed" -> {
          Envelope<Refund> e = decode(body, new TypeRef<Envelope<Refund>>() {});
          yield new PaymentEvent.RefundFailed(e.id(), e.createdAt(), e.data().object());
        }
        case "payout.paid" -> {
          Envelope<Payout> e = decode(body, new TypeRef<Envelope<Payout>>() {});
          yield new PaymentEvent.PayoutPaid(e.id(), e.createdAt(), e.data().object());
        }
        case "payout.failed" -> {
          Envelope<Payout> e = decode(body, new TypeRef<Envelope<Payout>>() {});
          yield new PaymentEvent.PayoutFailed(e.id(), e.createdAt(), e.data().object());
        }
        case "settlement.available" -> {
          Envelope<Settlement> e = decode(body, new TypeRef<Envelope<Settlement>>() {});
          yield new PaymentEvent.SettlementAvailable(e.id(), e.createdAt(), e.data().object());
        }
        default -> {
          Header h = decode(body, TypeRef.of(Header.class));
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

  private <T> T decode(byte[] body, TypeRef<T> type) throws IOException {
    T value = json.decode(body, type);
    if (value == null) {
      throw new ResponseDecodingException("the event body is JSON null", null, null);
    }
    return value;
  }

  /** Reads the top-level {@code type} without decoding the rest. */
  private static String typeOf(byte[] body) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("type") && reader.peek() == JsonReader.Token.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      throw new ResponseDecodingException("the event body is not a JSON object", null, e);
    }
    throw new ResponseDecodingException("the event has no type", null, null);
  }

  /** {@code {"id", "type", "created_at", "data": {"object": ...}}}. */
  record Envelope<T>(String id, String type, Instant createdAt, Data<T> data) {}

  record Data<T>(T object) {}

  record Header(String id, Instant createdAt, @Nullable String type) {}
}
