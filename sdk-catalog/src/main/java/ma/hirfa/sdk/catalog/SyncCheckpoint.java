package ma.hirfa.sdk.catalog;

import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CatalogSync} stands, saved in a {@link CheckpointStore} after every step:
 *
 * <ul>
 *   <li>{@link Phase#IMPORTING}: the first import, with the feed cursor to follow afterwards (saved
 *       the moment the export opened, before the first product) and the last product handled, to
 *       resume after.
 *   <li>{@link Phase#RECONCILING}: a full re-import that also removes what the shop holds and the
 *       catalog no longer has. It restarts from the first product after a crash; its cursor is null
 *       until an export gave one.
 *   <li>{@link Phase#FOLLOWING}: following the change feed from {@code feedCursor}.
 * </ul>
 *
 * @param feedCursor where the change feed continues; null only while reconciling
 * @param lastProductId the last product an import handled; only while importing
 */
public record SyncCheckpoint(
    Phase phase, @Nullable String feedCursor, @Nullable String lastProductId) {
  /** The phases of a sync. */
  public enum Phase {
    /** The first full import, via the export; resumable after the last product handled. */
    IMPORTING,
    /** A full re-import that removes what the catalog no longer has; restarts from the start. */
    RECONCILING,
    /** Following the change feed. */
    FOLLOWING
  }

  public SyncCheckpoint {
    Objects.requireNonNull(phase, "phase == null");
    if (feedCursor != null || phase != Phase.RECONCILING) {
      CatalogChecks.text("feedCursor", feedCursor, 512);
    }
    if (lastProductId != null) {
      if (phase != Phase.IMPORTING) {
        throw new ValidationException(
            "lastProductId", "is only kept while importing but the phase is " + phase);
      }
      CatalogChecks.id("lastProductId", "prd", lastProductId);
    }
  }

  static SyncCheckpoint importing(String cursor, @Nullable String lastProductId) {
    return new SyncCheckpoint(Phase.IMPORTING, cursor, lastProductId);
  }

  static SyncCheckpoint reconciling(@Nullable String cursor) {
    return new SyncCheckpoint(Phase.RECONCILING, cursor, null);
  }

  static SyncCheckpoint following(String cursor) {
    return new SyncCheckpoint(Phase.FOLLOWING, cursor, null);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
