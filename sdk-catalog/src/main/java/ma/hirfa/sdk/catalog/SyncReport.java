package ma.hirfa.sdk.catalog;

import java.time.Duration;
import java.util.Objects;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link CatalogSync#runUntilCaughtUp()} did, and where it stopped.
 *
 * @param stop why the run returned: caught up, or a budget spent, or a feed that stopped moving
 * @param imported products handed over by an import or re-import (the export)
 * @param upserts upserts handed over from the change feed
 * @param deletes deletes handed over from the change feed
 * @param removed products a re-import found in your store but no longer in the catalog, handed over
 *     as deletes
 * @param feedPages change-feed pages read
 * @param reimport why the run re-imported the whole catalog, or null when it did not
 * @param position where the run stopped (also saved in the checkpoint store); null when a run
 *     stopped before anything was ever saved
 * @param elapsed how long the run took
 */
public record SyncReport(
    Stop stop,
    long imported,
    long upserts,
    long deletes,
    long removed,
    int feedPages,
    @Nullable Reimport reimport,
    @Nullable SyncCheckpoint position,
    Duration elapsed) {

  /** Why a run returned. */
  public enum Stop {
    /** The feed has no more changes: the store equals the catalog as of {@link #position()}. */
    CAUGHT_UP,
    /** The run's time budget ({@code runBudget}) was spent; the next run continues. */
    TIME_BUDGET,
    /** The run's page budget ({@code maxFeedPages}) was spent; the next run continues. */
    PAGE_BUDGET,
    /**
     * The API kept answering "more changes" without moving its cursor, through several waits; the
     * next run tries again.
     */
    FEED_STALLED,
    /**
     * Another instance holds the checkpoint store's lease ({@link CheckpointLeaseException}): it is
     * syncing; this run did nothing. Run again later, as scheduled.
     */
    LEASE_HELD
  }

  /** Why a run imported the whole catalog again, reconciling your store by id. */
  public enum Reimport {
    /** The saved feed cursor was older than the feed's retention ({@code 410 cursor_expired}). */
    CURSOR_EXPIRED,
    /** The API refused the saved cursor as unknown ({@code invalid_cursor}). */
    CURSOR_INVALID,
    /** The export sent no {@code Export-Cursor} header, so no position could be saved at once. */
    EXPORT_CURSOR_MISSING,
    /** No checkpoint was found but your store already held products. */
    UNTRACKED_STORE,
    /** A re-import that an earlier run began did not finish (a crash, or its budget); restarted. */
    UNFINISHED
  }

  public SyncReport {
    Objects.requireNonNull(stop, "stop == null");
    Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /** True when the run returned because the feed had no more changes. */
  public boolean caughtUp() {
    return stop == Stop.CAUGHT_UP;
  }

  /** The feed cursor the run stopped at; null while no import has given one. */
  public @Nullable String cursor() {
    return position == null ? null : position.feedCursor();
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
