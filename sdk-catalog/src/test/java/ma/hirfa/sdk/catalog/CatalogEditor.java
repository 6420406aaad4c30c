package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.jspecify.annotations.Nullable;

/**
 * Changes the catalog the way artisans do, through the API with its own key (its own rate-limit
 * quota): creates (some large), updates, deletes and re-creations of a deleted SKU (a new id).
 */
final class CatalogEditor implements AutoCloseable {
  private final Sandbox sandbox;
  private final CatalogClient client;
  private final SplittableRandom random;
  private final List<String> deletedSkus = new ArrayList<>();

  /** The products as this editor last wrote or read them: an update needs no read first. */
  private final Map<String, Product> known = new HashMap<>();

  /**
   * The live ids, read from the sandbox once, then kept up to date with this editor's own edits
   * (the only ones in a property test; elsewhere a stale id just meets a 404).
   */
  private @Nullable List<String> live;

  private int created;

  CatalogEditor(Sandbox sandbox, long seed) {
    this.sandbox = sandbox;
    this.client =
        CatalogClient.builder()
            .apiKey("sk_test_editor" + Long.toHexString(seed & 0xFFFFFF) + "key")
            .baseUrl(sandbox.baseUrl())
            .configure(
                o ->
                    o.retryPolicy(
                        RetryPolicy.builder()
                            .maxAttempts(10)
                            .initialBackoff(Duration.ofMillis(5))
                            .build()))
            .build();
    this.random = new SplittableRandom(seed);
  }

  /**
   * {@code n} edits at random: 40 % updates, 30 % deletes, 10 % re-creations of a deleted SKU, 10 %
   * creates and 10 % large creates (as many products come as go).
   */
  void randomEdits(int n, int largeBytes) {
    if (live == null) {
      live = new ArrayList<>(sandbox.catalog().contents().keySet());
      live.sort(null);
    }
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (live.isEmpty() || kind >= 8) {
        create(kind == 9 ? largeBytes : 0);
      } else if (kind < 4) {
        update(live.get(random.nextInt(live.size())));
      } else if (kind < 7) {
        delete(live.get(random.nextInt(live.size())));
      } else {
        recreate();
      }
    }
  }

  Product create(int descriptionBytes) {
    return create("EDIT-" + sandbox.port() + "-" + created++, descriptionBytes);
  }

  Product create(String sku, int descriptionBytes) {
    ProductCreateParams.Builder b = CatalogClientTest.kilim(sku);
    if (descriptionBytes > 0) {
      b.description(LocalizedText.builder().put("fr", "x".repeat(descriptionBytes)).build());
    }
    Product p = client.products().create(b.build());
    known.put(p.id(), p);
    if (live != null) {
      live.add(p.id());
    }
    return p;
  }

  void update(String id) {
    try {
      Product p = known.containsKey(id) ? known.get(id) : client.products().get(id);
      ProductUpdateParams input =
          ProductUpdateParams.from(p).price(p.price().plus(Money.parse("1.00", "MAD"))).build();
      try {
        known.put(id, client.products().update(p.id(), p.etag(), input));
      } catch (VersionConflictException stale) {
        known.remove(id);
        update(id);
      }
    } catch (NotFoundException gone) {
      known.remove(id); // deleted meanwhile
    }
  }

  void delete(String id) {
    if (live != null) {
      live.remove(id);
    }
    try {
      Product p = known.remove(id);
      client.products().delete(id, ProductDeleteParams.anyVersion());
      if (p != null) {
        deletedSkus.add(p.sku());
      }
    } catch (NotFoundException gone) {
      // deleted meanwhile
    }
  }

  /** Creates a product with the SKU of a deleted one: a new product, with a new id. */
  Product recreate() {
    if (deletedSkus.isEmpty()) {
      return create(0);
    }
    return create(deletedSkus.remove(random.nextInt(deletedSkus.size())), 0);
  }

  /** Creates {@code n} products with one request (n changes for one unit of quota). */
  void createInOneBatch(int n, int descriptionBytes) {
    List<ProductCreateParams> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ProductCreateParams.Builder b =
          CatalogClientTest.kilim("BATCH-" + sandbox.port() + "-" + created++);
      if (descriptionBytes > 0) {
        b.description(LocalizedText.builder().put("fr", "y".repeat(descriptionBytes)).build());
      }
      items.add(b.build());
    }
    assertThat(client.products().upsert(items).failed()).isEmpty();
  }

  @Override
  public void close() {
    client.close();
  }
}
