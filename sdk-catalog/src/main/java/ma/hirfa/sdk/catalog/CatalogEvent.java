package ma.hirfa.sdk.catalog;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A verified webhook event of the Marketplace API, parsed by {@link CatalogEventParser}. A type
 * newer than this SDK is an {@link Unknown} that keeps the raw JSON.
 *
 * <pre>{@code
 * CatalogEvent event = parser.parse(verifier.verify(headers, body));
 * if (event instanceof CatalogEvent.ProductUpdated e) {
 *   shop.save(e.product());
 * } else if (event instanceof CatalogEvent.ProductDeleted e) {
 *   shop.remove(e.productId());
 * }
 * }</pre>
 */
public sealed interface CatalogEvent {
  /** The {@code evt_} id: the same on every delivery of this event. */
  String id();

  /** The wire type, like {@code product.updated}. */
  String type();

  Instant createdAt();

  /** {@code product.created}. */
  record ProductCreated(String id, Instant createdAt, Product product) implements CatalogEvent {
    @Override
    public String type() {
      return "product.created";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code product.updated}: any change, including stock, price, archive. */
  record ProductUpdated(String id, Instant createdAt, Product product) implements CatalogEvent {
    @Override
    public String type() {
      return "product.updated";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code product.deleted}: only the id remains. */
  record ProductDeleted(String id, Instant createdAt, String productId) implements CatalogEvent {
    @Override
    public String type() {
      return "product.deleted";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code artisan.verified}: the artisan may now sell. */
  record ArtisanVerified(String id, Instant createdAt, Artisan artisan) implements CatalogEvent {
    @Override
    public String type() {
      return "artisan.verified";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** {@code order.paid}: ship it. */
  record OrderPaid(String id, Instant createdAt, Order order) implements CatalogEvent {
    @Override
    public String type() {
      return "order.paid";
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** A type this SDK does not know yet, with its raw JSON body. */
  record Unknown(String id, String type, Instant createdAt, String json) implements CatalogEvent {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }
}
