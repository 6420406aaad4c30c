package ma.hirfa.sdk.catalog;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CatalogSync} keeps its {@link SyncCheckpoint}. Implement it on your database to
 * save the checkpoint in the same transaction as the changes (the strongest setup), or use {@link
 * InMemoryCheckpointStore} (tests), {@link FileCheckpointStore} (one host), or {@code
 * JdbcCheckpointStore} from {@code hirfa-sdk-jdbc} (several instances sharing a database, under a
 * lease with a fencing token).
 *
 * <h2>Several instances</h2>
 *
 * A store that several instances share grants one run at a time in {@link #lock()} (a lease) and
 * refuses the others with a {@link CheckpointLeaseException} of reason {@code HELD}: the sync
 * returns {@link SyncReport.Stop#LEASE_HELD} without touching anything. A lease must expire when
 * its holder dies, so that another instance takes over; and then a holder that was only paused (a
 * long GC, a frozen VM) must not write its stale checkpoint over the new holder's: {@link
 * #save(SyncCheckpoint)} refuses it with reason {@code LOST} (the fencing token the run got from
 * {@code lock()} is no longer the newest).
 */
public interface CheckpointStore {
  /** The last saved checkpoint, or null before the first. */
  @Nullable SyncCheckpoint load() throws IOException;

  /**
   * Saves the checkpoint durably before returning. A shared store refuses the checkpoint of a run
   * whose lease was taken over with a {@link CheckpointLeaseException} of reason {@code LOST}.
   */
  void save(SyncCheckpoint checkpoint) throws IOException;

  /**
   * Called when a run starts, before anything else; the run closes what it returns when it ends. A
   * store that two runs could share (overlapping scheduled jobs, two hosts) refuses the second run
   * here with an {@link IOException} saying so: two runs writing one checkpoint would move it
   * backwards. A {@link CheckpointLeaseException} of reason {@code HELD} means another instance is
   * syncing right now, which is normal with several instances: the run returns at once with {@link
   * SyncReport.Stop#LEASE_HELD}; any other exception fails the run. The default takes no lock.
   */
  default Closeable lock() throws IOException {
    return () -> {};
  }
}
