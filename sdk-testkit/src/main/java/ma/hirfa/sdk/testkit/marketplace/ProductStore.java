package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The products of the catalog: seeded ones computed from {@link CatalogSeed} when read, and the
 * changes stored here (new products, new versions, deletions), each appended to the {@link
 * CatalogFeed} and announced as an event. Products are kept in catalog order: seeded positions
 * first, then created ones.
 *
 * <p>{@code lock} is the marketplace's write lock: every change of products (and of the orders that
 * reserve stock) holds it. Reads of one product do not: the stored versions are in a concurrent map
 * and each is immutable, so an export can stream while writes go on.
 */
public final class ProductStore {
  /** The marketplace's write lock (products, and orders with their stock). */
  final Object lock = new Object();

  private final CatalogSeed seed;
  private final Clock clock;
  private final EventLog events;
  private final CatalogFeed feed;
  private final Map<String, Product> products = new ConcurrentHashMap<>();

  /** Deleted products (seeded or created): ids are never reused, so a delete is for good. */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  @GuardedBy("lock")
  private final List<String> created = new ArrayList<>();

  @GuardedBy("lock")
  private final Map<String, Integer> createdPositions = new HashMap<>();

  @GuardedBy("lock")
  private final Map<String, String> createdSkus = new HashMap<>();

  /** The products of {@code seed}, changed on {@code clock}, announced to {@code events}. */
  public ProductStore(CatalogSeed seed, Clock clock, EventLog events, CatalogFeed feed) {
    this.seed = seed;
    this.clock = clock;
    this.events = events;
    this.feed = feed;
  }

  CatalogFeed feed() {
    return feed;
  }

  /** How many products the catalog holds now (deleted ones excluded). */
  public int productCount() {
    synchronized (lock) {
      return seed.productCount() + created.size() - deleted.size();
    }
  }

  /** Every live product, in catalog order, read one at a time (constant memory). */
  public void forEachProduct(Consumer<Product> action) {
    int total = positions();
    for (int pos = 0; pos < total; pos++) {
      Product p = atPosition(pos);
      if (p != null) {
        action.accept(p);
      }
    }
  }

  /** How many catalog positions there are (deleted ones included). */
  int positions() {
    synchronized (lock) {
      return seed.productCount() + created.size();
    }
  }

  /** The product at a catalog position, or null when it was deleted. */
  @Nullable Product atPosition(int pos) {
    String id;
    if (pos < seed.productCount()) {
      id = CatalogSeed.seededId(CatalogSeed.SEED_PRODUCT_PREFIX, pos);
      if (deleted.contains(id)) {
        return null;
      }
      Product p = products.get(id);
      return p == null ? seed.product(pos) : p;
    }
    synchronized (lock) {
      id = created.get(pos - seed.productCount());
    }
    return deleted.contains(id) ? null : products.get(id);
  }

  /** The product with this id, or null. */
  public @Nullable Product find(String id) {
    if (deleted.contains(id)) {
      return null;
    }
    Product p = products.get(id);
    if (p != null) {
      return p;
    }
    int i = CatalogSeed.index(id, CatalogSeed.SEED_PRODUCT_PREFIX, seed.productCount());
    return i < 0 ? null : seed.product(i);
  }

  /** The product with this id, or a 404. */
  Product productOr404(String id) {
    Product p = find(id);
    if (p == null) {
      throw new Exchange.ApiError(Problems.notFound("product", id));
    }
    return p;
  }

  @GuardedBy("lock")
  @Nullable Product bySku(String sku) {
    String id = createdSkus.get(sku);
    if (id != null) {
      return find(id);
    }
    int i = CatalogSeed.skuIndex(sku, seed.productCount());
    return i < 0 ? null : find(CatalogSeed.seededId(CatalogSeed.SEED_PRODUCT_PREFIX, i));
  }

  /** Stores a new or replaced product under {@code id}; appends the change; emits the event. */
  @GuardedBy("lock")
  Product store(Product input, String id, String status, long version, @Nullable Product old) {
    Instant now = clock.instant();
    Product p =
        Product.stored(input, id, status, version, old == null ? now : old.createdAt(), now);
    if (old == null) {
      createdPositions.put(id, seed.productCount() + created.size());
      created.add(id);
      createdSkus.put(p.sku(), id);
    }
    return changed(p, old == null ? "product.created" : "product.updated");
  }

  /** Stores a new version of a product; appends the change; emits the event. */
  @GuardedBy("lock")
  Product changed(Product p, String eventType) {
    products.put(p.id(), p);
    feed.upsert(p);
    events.emit(eventType, Json.tree(g -> ProductJson.writeProduct(g, p)));
    return p;
  }

  /** Deletes a product for good; appends the tombstone; emits the event. */
  @GuardedBy("lock")
  void delete(Product now) {
    products.remove(now.id());
    deleted.add(now.id());
    createdSkus.remove(now.sku());
    feed.delete(now, clock.instant());
    ObjectNode gone = Exchange.JSON.createObjectNode().put("id", now.id());
    events.emit("product.deleted", gone);
  }

  /** The catalog position of a product id (seeded or created), or -1. */
  @GuardedBy("lock")
  int position(String id) {
    Integer pos = createdPositions.get(id);
    return pos != null
        ? pos
        : CatalogSeed.index(id, CatalogSeed.SEED_PRODUCT_PREFIX, seed.productCount());
  }

  /** Live products at positions {@code start} and after. */
  @GuardedBy("lock")
  int liveFrom(int start) {
    int total = seed.productCount() + created.size();
    int gone = 0;
    for (String id : deleted) {
      if (position(id) >= start) {
        gone++;
      }
    }
    return Math.max(0, total - start - gone);
  }
}
