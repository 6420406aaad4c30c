package ma.hirfa.sdk.catalog;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** A checkpoint kept in memory: for tests, and for a sync that restarts from scratch anyway. */
public final class InMemoryCheckpointStore implements CheckpointStore {
  private final AtomicReference<@Nullable SyncCheckpoint> checkpoint = new AtomicReference<>();

  @Override
  public @Nullable SyncCheckpoint load() {
    return checkpoint.get();
  }

  @Override
  public void save(SyncCheckpoint checkpoint) {
    this.checkpoint.set(Objects.requireNonNull(checkpoint, "checkpoint == null"));
  }
}
