package ma.hirfa.sdk.catalog;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the change feed: an upsert (with the product as it became) or a delete. The feed
 * delivers each change at least once and does not guarantee order: a change may come again, after
 * newer ones. Compare {@link #version()} with what you hold and keep the newer.
 *
 * @param changeId stable: a change delivered again has the same id
 * @param typeAsString {@code upsert} or {@code delete} as the API sent it; {@link #type()} is its
 *     {@link ProductChangeType}
 * @param product the product as the upsert left it; absent from a thin change (fetch it with {@link
 *     ProductService#get(String)}) and from a delete
 * @param version the product's version after the change: for an upsert the product's version, for a
 *     delete the version of the deletion (one more than the product's last)
 */
public record ProductChange(
    String changeId,
    String typeAsString,
    String productId,
    @Nullable Product product,
    long version,
    Instant occurredAt) {

  /** What the change does; {@link ProductChangeType#UNKNOWN} for a value newer than this SDK. */
  public ProductChangeType type() {
    return ProductChangeType.fromWire(typeAsString);
  }

  /** True for a deletion; any other type, a newer one included, carries a product to read. */
  public boolean isDelete() {
    return type() == ProductChangeType.DELETE;
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
