package ma.hirfa.sdk.catalog;

import java.util.List;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A page of the change feed. {@link #nextCursor()} is always present: it is where to continue, even
 * when {@link #hasMore()} is false (the next call returns the changes made since). Delivery is at
 * least once and the order is not guaranteed: compare each change's {@link ProductChange#version()}
 * with what you hold. A page whose next cursor is the one you asked for is a repeat and holds
 * nothing new.
 */
public record ChangePage(List<ProductChange> data, String nextCursor, boolean hasMore) {
  public ChangePage {
    data = List.copyOf(data);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
