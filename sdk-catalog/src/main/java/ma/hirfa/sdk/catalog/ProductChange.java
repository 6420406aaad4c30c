package ma.hirfa.sdk.catalog;

import java.time.Instant;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the change feed: an upsert (with the product as it became) or a delete.
 *
 * @param changeId stable: a change delivered again has the same id, so handlers can be idempotent
 * @param type {@code upsert} or {@code delete}
 */
public record ProductChange(
    String changeId, String type, String productId, @Nullable Product product, Instant occurredAt) {

  public boolean isDelete() {
    return type.equals("delete");
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
