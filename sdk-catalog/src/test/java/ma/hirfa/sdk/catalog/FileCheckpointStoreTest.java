package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store under two writers, odd cursors, corrupt files and a missing directory. */
class FileCheckpointStoreTest {
  @TempDir Path dir;

  @Test
  void aSecondRunOnTheSameFileFailsAtOnceAndClearly() throws IOException {
    Path file = dir.resolve("sync.checkpoint");
    try (Closeable first = FileCheckpointStore.at(file).lock()) {
      assertThatThrownBy(() -> FileCheckpointStore.at(file).lock())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another sync run")
          .hasMessageContaining(file.toString());
    }
    FileCheckpointStore.at(file).lock().close(); // released with the first run
  }

  @Test
  void overlappingScheduledRunsNeverOverlap() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(200).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      Path file = dir.resolve("sync.checkpoint");
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Shop shop = new Shop();
      CatalogSync slow =
          CatalogSync.builder(catalog)
              .checkpointStore(FileCheckpointStore.at(file))
              .heldProductIds(shop::ids)
              .handler(
                  c -> {
                    inside.countDown();
                    release.await();
                    shop.apply(c);
                  })
              .build();
      Thread first = new Thread(slow::runUntilCaughtUp);
      first.start();
      inside.await();
      CatalogSync second =
          CatalogSyncTest.sync(catalog, FileCheckpointStore.at(file), new Shop()).build();
      assertThatThrownBy(second::runUntilCaughtUp)
          .isInstanceOfSatisfying(
              CatalogSyncException.class,
              e -> {
                assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.FIX_CHECKPOINT_STORE);
                assertThat(e.getMessage()).contains("in use by another sync run");
              });
      release.countDown();
      first.join();
      assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
    }
  }

  @Test
  void twoWritersWithoutTheLockNeverFailNorLeaveATornFile() throws Exception {
    Path file = dir.resolve("sync.checkpoint");
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Runnable writer =
        () -> {
          FileCheckpointStore store = FileCheckpointStore.at(file);
          for (int i = 0; i < 300; i++) {
            try {
              store.save(SyncCheckpoint.importing("cur_" + i, "prd_A" + i));
              SyncCheckpoint read = store.load();
              assertThat(read.feedCursor().substring(4))
                  .isEqualTo(read.lastProductId().substring(5));
            } catch (IOException | RuntimeException | AssertionError e) {
              failures.add(e);
            }
          }
        };
    Thread a = new Thread(writer);
    Thread b = new Thread(writer);
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(failures).isEmpty();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sync.checkpoint");
    }
  }

  @Test
  void aCursorWithANewlineOrAnyCharacterSurvivesAReload() throws IOException {
    FileCheckpointStore store = FileCheckpointStore.at(dir.resolve("c"));
    String cursor = "line1\nline2\r\n=%+ é ✓\u0000end";
    store.save(SyncCheckpoint.importing(cursor, "prd_X1"));

    SyncCheckpoint read = FileCheckpointStore.at(dir.resolve("c")).load();

    assertThat(read).isEqualTo(SyncCheckpoint.importing(cursor, "prd_X1"));
    store.save(SyncCheckpoint.reconciling(null));
    assertThat(store.load()).isEqualTo(SyncCheckpoint.reconciling(null));
  }

  @Test
  void theFirstFormatStillLoads() throws IOException {
    Path file = dir.resolve("old");
    Files.writeString(file, "FOLLOWING\ncur_123\n\n");
    assertThat(FileCheckpointStore.at(file).load()).isEqualTo(SyncCheckpoint.following("cur_123"));
  }

  @Test
  void aCorruptFileIsAnIOExceptionNamingTheFile() throws IOException {
    Path file = dir.resolve("corrupt");
    for (String garbage :
        List.of("", "hirfa-sync-checkpoint 2\nphase=SLEEPING\n", "{\"phase\":1}", "x\ny\nz\nw")) {
      Files.writeString(file, garbage);
      assertThatThrownBy(() -> FileCheckpointStore.at(file).load())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("checkpoint file " + file + " is corrupt")
          .hasMessageContaining("delete it");
    }
  }

  @Test
  void aMissingDirectoryFailsTheRunBeforeAnyChangeIsApplied() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(10).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      int[] handled = {0};
      CatalogSync sync =
          CatalogSync.builder(catalog)
              .checkpointStore(FileCheckpointStore.at(dir.resolve("missing/sync.checkpoint")))
              .heldProductIds(java.util.stream.Stream::empty)
              .handler(c -> handled[0]++)
              .build();
      assertThatThrownBy(sync::runUntilCaughtUp)
          .isInstanceOfSatisfying(
              CatalogSyncException.class,
              e -> {
                assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.FIX_CHECKPOINT_STORE);
                assertThat(e.getMessage()).contains("missing").contains("does not exist");
              });
      assertThat(handled[0]).isZero();
    }
  }
}
