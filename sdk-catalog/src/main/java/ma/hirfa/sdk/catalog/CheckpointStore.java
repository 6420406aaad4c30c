package ma.hirfa.sdk.catalog;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CatalogSync} keeps its {@link SyncCheckpoint}. Implement it on your database to
 * save the checkpoint in the same transaction as the changes (the strongest setup), or use {@link
 * InMemoryCheckpointStore} (tests) or {@link FileCheckpointStore}.
 */
public interface CheckpointStore {
  /** The last saved checkpoint, or null before the first. */
  @Nullable SyncCheckpoint load() throws IOException;

  /** Saves the checkpoint durably before returning. */
  void save(SyncCheckpoint checkpoint) throws IOException;

  /**
   * Called when a run starts, before anything else; the run closes what it returns when it ends. A
   * store that two runs could share (overlapping scheduled jobs, two hosts) refuses the second run
   * here with an {@link IOException} saying so: two runs writing one checkpoint would move it
   * backwards. The default takes no lock.
   */
  default Closeable lock() throws IOException {
    return () -> {};
  }
}
