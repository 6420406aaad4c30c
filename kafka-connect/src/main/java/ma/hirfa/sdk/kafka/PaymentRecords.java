package ma.hirfa.sdk.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.payments.PaymentEvent;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A verified payment event as a record: keyed by the object it is about (a payment, refund, payout
 * or settlement id), so that one object's events go to one partition, in the order the receiver
 * queued their deliveries (the order they arrived: see {@link WebhookReceiver}); the value holds
 * the event's id, type, time and object id, and the signed body as received (the full event, for
 * {@code PaymentEventParser} or any JSON reader). The {@code hirfa.event.id} and {@code webhook-id}
 * headers let a consumer drop a delivery it saw before.
 */
final class PaymentRecords {
  static final Schema VALUE =
      SchemaBuilder.struct()
          .name("ma.hirfa.payments.Event")
          .version(1)
          .field("id", Schema.STRING_SCHEMA)
          .field("type", Schema.STRING_SCHEMA)
          .field("created_at", Schema.STRING_SCHEMA)
          .field("object_id", Schema.STRING_SCHEMA)
          .field("body", Schema.STRING_SCHEMA)
          .build();

  private PaymentRecords() {}

  static SourceRecord record(String topic, WebhookMessage message, PaymentEvent event) {
    String objectId = objectId(event);
    Struct value =
        new Struct(VALUE)
            .put("id", event.id())
            .put("type", event.type())
            .put("created_at", event.createdAt().toString())
            .put("object_id", objectId)
            .put("body", new String(message.body(), StandardCharsets.UTF_8));
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("hirfa.event.id", event.id());
    headers.addString("webhook-id", message.id());
    // No source offset: the platform retries a delivery until it is answered 2xx.
    return new SourceRecord(
        Map.of("stream", "payments"),
        null,
        topic,
        null,
        Schema.STRING_SCHEMA,
        objectId,
        VALUE,
        value,
        null,
        headers);
  }

  private static String objectId(PaymentEvent event) {
    if (event instanceof PaymentEvent.PaymentRequiresAction e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.PaymentAuthorized e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.PaymentSucceeded e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.PaymentFailed e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.PaymentCanceled e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.PaymentCaptured e) {
      return e.payment().id();
    }
    if (event instanceof PaymentEvent.RefundSucceeded e) {
      return e.refund().id();
    }
    if (event instanceof PaymentEvent.RefundFailed e) {
      return e.refund().id();
    }
    if (event instanceof PaymentEvent.PayoutPaid e) {
      return e.payout().id();
    }
    if (event instanceof PaymentEvent.PayoutFailed e) {
      return e.payout().id();
    }
    if (event instanceof PaymentEvent.SettlementAvailable e) {
      return e.settlement().id();
    }
    return event.id(); // a type newer than this SDK: keyed by the event itself
  }
}
