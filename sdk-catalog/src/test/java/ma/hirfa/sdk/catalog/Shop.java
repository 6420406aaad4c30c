package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ma.hirfa.sdk.testkit.CatalogView;

/**
 * A partner's store that applies changes as the guide says: only when the change's version is
 * greater than the version held, deleted ids kept as tombstones with their deletion's version.
 */
final class Shop {
  final Map<String, Product> products = new HashMap<>();
  final Map<String, Long> tombstones = new HashMap<>();
  final Set<String> seen = new HashSet<>();
  int replayed;
  int stale;

  void apply(CatalogChange change) {
    if (!seen.add(change.changeId())) {
      replayed++;
    }
    String id = change.productId();
    Product held = products.get(id);
    long version = held != null ? held.version() : tombstones.getOrDefault(id, -1L);
    if (change.version() <= version) {
      stale++;
      return;
    }
    if (change instanceof CatalogChange.Upsert u) {
      products.put(id, u.product());
      tombstones.remove(id);
    } else {
      products.remove(id);
      tombstones.put(id, change.version());
    }
  }

  /** The ids of the products held (not the tombstones), as {@code heldProductIds} wants them. */
  Stream<String> ids() {
    return new ArrayList<>(products.keySet()).stream();
  }

  /** Every product by id with the digest {@link CatalogView#contents()} computes. */
  Map<String, Long> contents() {
    Map<String, Long> out = new HashMap<>();
    products.forEach((id, p) -> out.put(id, digest(p)));
    return out;
  }

  static long digest(Product p) {
    return CatalogView.digest(
        p.id(),
        p.version(),
        p.sku(),
        p.statusAsString(),
        p.price().amountMinor(),
        p.stock(),
        p.title().asMap(),
        p.description() == null ? Map.of() : p.description().asMap());
  }
}
