package ma.hirfa.sdk.catalog;

import java.time.Instant;
import java.util.Objects;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CheckpointStore} shared by several instances refuses this run: another instance holds
 * the lease ({@link Reason#HELD}, from {@link CheckpointStore#lock()}), or took it over while this
 * run was paused or too slow to renew it ({@link Reason#LOST}, from {@link
 * CheckpointStore#save(SyncCheckpoint)}: the fencing token this run holds is no longer the store's,
 * so its checkpoint is refused).
 *
 * <p>A {@link CatalogSync} turns the first into a report that stops with {@link
 * SyncReport.Stop#LEASE_HELD} (another instance is syncing: nothing to do), and the second into a
 * {@link CatalogSyncException} with {@link CatalogSyncException.Remedy#RUN_AGAIN}: what the run
 * wrote since its last checkpoint is discarded with the refused checkpoint when the store and the
 * handler share a transaction, and is a replay by version otherwise.
 *
 * <p>A {@link HirfaException}, unchecked like every exception of the SDK: a store throws it from
 * {@code lock()} and {@code save(...)} next to the {@code IOException}s of its own input and
 * output.
 */
public final class CheckpointLeaseException extends HirfaException {
  private static final long serialVersionUID = 1L;

  /** Why the store refused the run. */
  public enum Reason {
    /** Another instance holds a lease that has not expired. */
    HELD,
    /** Another instance took the lease over since this run acquired it (a newer fencing token). */
    LOST
  }

  private final Reason reason;
  private final @Nullable String holder;
  private final @Nullable Instant expiresAt;

  /**
   * @param holder who holds the lease now, when known
   * @param expiresAt when the holder's lease ends unless it renews it, when known
   */
  public CheckpointLeaseException(
      Reason reason, String message, @Nullable String holder, @Nullable Instant expiresAt) {
    super(Objects.requireNonNull(message, "message == null"), null, null);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.holder = holder;
    this.expiresAt = expiresAt;
  }

  public Reason reason() {
    return reason;
  }

  /** The instance that holds the lease now, when the store knows it. */
  public @Nullable String holder() {
    return holder;
  }

  /** When the current holder's lease ends unless it renews it, when the store knows it. */
  public @Nullable Instant expiresAt() {
    return expiresAt;
  }
}
