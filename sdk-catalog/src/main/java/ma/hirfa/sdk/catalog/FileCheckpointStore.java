package ma.hirfa.sdk.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint in a small text file. Each save writes a temporary file of its own next to it,
 * forces it to disk and renames it over the old one, so a crash leaves either the old or the new
 * checkpoint, never a torn one. Values are percent-encoded: a cursor may hold any character.
 *
 * <p><b>One run at a time.</b> A run holds an exclusive lock on {@code <file>.lock} (an OS file
 * lock, so it also keeps out another process) from its start to its end; a second run on the same
 * file fails at once with an {@link IOException} saying the checkpoint is in use. A missing
 * directory and a corrupt file fail the same way, naming the file, before any change is applied.
 */
public final class FileCheckpointStore implements CheckpointStore {
  private static final String HEADER = "hirfa-sync-checkpoint 2";

  private final Path file;

  private FileCheckpointStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** A store at {@code file}; its directory must exist when a run starts. */
  public static FileCheckpointStore at(Path file) {
    Objects.requireNonNull(file, "file == null");
    if (file.getFileName() == null) {
      throw new ValidationException("file", "must name a file but was " + file);
    }
    return new FileCheckpointStore(file);
  }

  @Override
  public Closeable lock() throws IOException {
    checkDirectory();
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException held) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "the checkpoint "
              + file
              + " is in use by another sync run (it holds "
              + lockFile
              + "); run one sync at a time per checkpoint");
    }
    FileLock held = lock;
    return () -> {
      try {
        held.release();
      } finally {
        channel.close();
      }
    };
  }

  @Override
  public @Nullable SyncCheckpoint load() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      checkDirectory();
      return null;
    }
    try {
      return lines.isEmpty() || !lines.get(0).equals(HEADER) ? legacy(lines) : parse(lines);
    } catch (RuntimeException e) {
      throw new IOException(
          "the checkpoint file "
              + file
              + " is corrupt ("
              + e.getMessage()
              + "); restore it, or delete it to start over with a full re-import",
          e);
    }
  }

  @Override
  public void save(SyncCheckpoint checkpoint) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint == null");
    checkDirectory();
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("phase=").append(checkpoint.phase().name()).append('\n');
    append(text, "feed_cursor", checkpoint.feedCursor());
    append(text, "last_product_id", checkpoint.lastProductId());
    // A temporary file of its own: two writers (which the lock prevents) could not even collide.
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public String toString() {
    return "FileCheckpointStore{" + file + "}";
  }

  private void checkDirectory() throws IOException {
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          dir.toString(), null, "the directory of the checkpoint file " + file + " does not exist");
    }
  }

  private static void append(StringBuilder text, String key, @Nullable String value) {
    if (value != null) {
      text.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      text.append('\n');
    }
  }

  private static SyncCheckpoint parse(List<String> lines) {
    Map<String, String> values = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a line is not key=value");
      }
      String key = line.substring(0, eq);
      if (values.put(key, URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8))
          != null) {
        throw new IllegalArgumentException("the key " + key + " appears twice");
      }
    }
    String phase = values.get("phase");
    if (phase == null) {
      throw new IllegalArgumentException("no phase");
    }
    return new SyncCheckpoint(
        SyncCheckpoint.Phase.valueOf(phase),
        values.get("feed_cursor"),
        values.get("last_product_id"));
  }

  /** The first format: phase, cursor and last product id on three lines. */
  private static SyncCheckpoint legacy(List<String> lines) {
    if (lines.size() < 2 || lines.size() > 3) {
      throw new IllegalArgumentException("not a checkpoint");
    }
    String last = lines.size() > 2 && !lines.get(2).isEmpty() ? lines.get(2) : null;
    return new SyncCheckpoint(SyncCheckpoint.Phase.valueOf(lines.get(0)), lines.get(1), last);
  }
}
