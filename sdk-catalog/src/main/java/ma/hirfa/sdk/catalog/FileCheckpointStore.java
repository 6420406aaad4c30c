package ma.hirfa.sdk.catalog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint in a small text file. Each save writes a temporary file next to it, forces it to
 * disk and renames it over the old one, so a crash leaves either the old or the new checkpoint,
 * never a torn one.
 */
public final class FileCheckpointStore implements CheckpointStore {
  private final Path file;

  private FileCheckpointStore(Path file) {
    this.file = file;
  }

  /** A store at {@code file}; its directory must exist. */
  public static FileCheckpointStore at(Path file) {
    return new FileCheckpointStore(Objects.requireNonNull(file, "file == null"));
  }

  @Override
  public @Nullable SyncCheckpoint load() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (lines.size() < 2) {
      throw new IOException("the checkpoint file " + file + " is not a checkpoint");
    }
    String last = lines.size() > 2 && !lines.get(2).isEmpty() ? lines.get(2) : null;
    return new SyncCheckpoint(SyncCheckpoint.Phase.valueOf(lines.get(0)), lines.get(1), last);
  }

  @Override
  public void save(SyncCheckpoint checkpoint) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint == null");
    String text =
        checkpoint.phase().name()
            + "\n"
            + checkpoint.feedCursor()
            + "\n"
            + (checkpoint.lastProductId() == null ? "" : checkpoint.lastProductId())
            + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return "FileCheckpointStore{" + file + "}";
  }
}
