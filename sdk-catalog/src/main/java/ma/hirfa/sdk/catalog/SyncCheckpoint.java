package ma.hirfa.sdk.catalog;

import java.util.Objects;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CatalogSync} stands: importing (the feed cursor to follow afterwards and the last
 * product handled) or following the change feed (the cursor to read from).
 */
public record SyncCheckpoint(Phase phase, String feedCursor, @Nullable String lastProductId) {
  /** The two phases of a sync. */
  public enum Phase {
    /** The first full import, via the export. */
    IMPORTING,
    /** Following the change feed. */
    FOLLOWING
  }

  public SyncCheckpoint {
    Objects.requireNonNull(phase, "phase");
    Checks.text("feedCursor", feedCursor, 512);
    if (lastProductId != null) {
      Checks.id("lastProductId", "prd", lastProductId);
    }
  }

  static SyncCheckpoint importing(String cursor, @Nullable String lastProductId) {
    return new SyncCheckpoint(Phase.IMPORTING, cursor, lastProductId);
  }

  static SyncCheckpoint following(String cursor) {
    return new SyncCheckpoint(Phase.FOLLOWING, cursor, null);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
