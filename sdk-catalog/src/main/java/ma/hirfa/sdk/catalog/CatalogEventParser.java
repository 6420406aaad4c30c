package ma.hirfa.sdk.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.EventBodies;
import ma.hirfa.sdk.core.internal.json.EventBodies.Envelope;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;

/**
 * Turns a verified {@link WebhookMessage} into a typed {@link CatalogEvent}. Thread-safe; parse
 * only messages that {@code WebhookVerifier} returned.
 */
public final class CatalogEventParser {
  private static final TypeRef<Envelope<Product>> PRODUCT = new TypeRef<Envelope<Product>>() {};
  private static final TypeRef<Envelope<Artisan>> ARTISAN = new TypeRef<Envelope<Artisan>>() {};
  private static final TypeRef<Envelope<Order>> ORDER = new TypeRef<Envelope<Order>>() {};
  private static final TypeRef<Envelope<Deleted>> DELETED = new TypeRef<Envelope<Deleted>>() {};

  private final Json json = new Json();

  /** The deleted product's remains: its id. */
  record Deleted(String id) {}

  /**
   * The event in the message.
   *
   * @throws ma.hirfa.sdk.core.webhooks.DuplicateKeyException if any object of the body names a key
   *     twice (the type, a field of the object, anything): readers disagree on which value wins, so
   *     an ambiguous signed body is refused rather than guessed at
   * @throws ResponseDecodingException if the body is malformed or lacks a required field
   */
  public CatalogEvent parse(WebhookMessage message) {
    Objects.requireNonNull(message, "message == null");
    byte[] body = message.body();
    String type = EventBodies.typeOf(body);
    try {
      switch (type) {
        case "product.created" -> {
          Envelope<Product> e = EventBodies.decode(json, body, PRODUCT);
          return new CatalogEvent.ProductCreated(e.id(), e.createdAt(), e.data().object());
        }
        case "product.updated" -> {
          Envelope<Product> e = EventBodies.decode(json, body, PRODUCT);
          return new CatalogEvent.ProductUpdated(e.id(), e.createdAt(), e.data().object());
        }
        case "product.deleted" -> {
          Envelope<Deleted> e = EventBodies.decode(json, body, DELETED);
          return new CatalogEvent.ProductDeleted(e.id(), e.createdAt(), e.data().object().id());
        }
        case "artisan.verified" -> {
          Envelope<Artisan> e = EventBodies.decode(json, body, ARTISAN);
          return new CatalogEvent.ArtisanVerified(e.id(), e.createdAt(), e.data().object());
        }
        case "order.paid" -> {
          Envelope<Order> e = EventBodies.decode(json, body, ORDER);
          return new CatalogEvent.OrderPaid(e.id(), e.createdAt(), e.data().object());
        }
        default -> {
          EventBodies.Header h =
              EventBodies.decode(json, body, TypeRef.of(EventBodies.Header.class));
          return new CatalogEvent.Unknown(
              h.id(), type, h.createdAt(), new String(body, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ResponseDecodingException r) {
        throw r;
      }
      throw new ResponseDecodingException(
          "could not decode the " + type + " event: " + e.getMessage(), null, e);
    }
  }
}
