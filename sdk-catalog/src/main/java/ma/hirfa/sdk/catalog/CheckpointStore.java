package ma.hirfa.sdk.catalog;

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
}
