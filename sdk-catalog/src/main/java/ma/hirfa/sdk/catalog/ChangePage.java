package ma.hirfa.sdk.catalog;

import java.util.List;
import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * A page of the change feed, oldest first. {@link #nextCursor()} is always present: it is where to
 * continue, even when {@link #hasMore()} is false (the next call returns the changes made since).
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
