package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CatalogSync against the sandbox: import, feed, crashes, restarts, rate limits and budgets. */
class CatalogSyncTest {
  @TempDir Path dir;

  /** Thrown by the test to stand for the process dying at that point. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  static CatalogSync.Builder sync(CatalogClient catalog, CheckpointStore store, Shop shop) {
    return CatalogSync.builder(catalog)
        .checkpointStore(store)
        .heldProductIds(shop::ids)
        .handler(shop::apply);
  }

  @Test
  void aFirstRunImportsEverythingThenARunFollowsTheFeedToTheSameState() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(2_000).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox);
        CatalogEditor editor = new CatalogEditor(sandbox, 1)) {
      Shop shop = new Shop();
      CatalogSync sync = sync(catalog, new InMemoryCheckpointStore(), shop).build();

      SyncReport first = sync.runUntilCaughtUp();
      assertThat(first.imported()).isEqualTo(2_000);
      assertThat(first.caughtUp()).isTrue();
      assertThat(first.reimport()).isNull();
      assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());

      editor.randomEdits(25, 0);
      SyncReport second = sync.runUntilCaughtUp();
      assertThat(second.imported()).isZero();
      assertThat(second.upserts() + second.deletes()).isEqualTo(25);
      assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
    }
  }

  @Test
  void killedAtRandomPointsTwentyFiveTimesItEndsWithExactlyTheSandboxState() throws Exception {
    SplittableRandom random = new SplittableRandom(20_261_129);
    try (Sandbox sandbox = Sandbox.builder().catalogSize(3_000).start();
        CatalogEditor editor = new CatalogEditor(sandbox, 2)) {
      Shop shop = new Shop();
      Path checkpoint = dir.resolve("sync.checkpoint");
      int crashes = 0;
      for (int runs = 0; runs < 300; runs++) {
        // Each run is a fresh process: a new client, a new sync, the checkpoint from disk.
        boolean crashThisRun = crashes < 25;
        int edits = 5 + random.nextInt(10);
        FileCheckpointStore disk = FileCheckpointStore.at(checkpoint);
        SyncCheckpoint saved = disk.load();
        boolean importing = saved == null || saved.phase() != SyncCheckpoint.Phase.FOLLOWING;
        // While importing (3,000 products) the crash falls anywhere in it, later in the feed.
        int crashAfter = crashThisRun ? 1 + random.nextInt(importing ? 1_500 : edits) : -1;
        boolean crashInStore = random.nextBoolean();
        int[] handled = {0};
        CheckpointStore store =
            new CheckpointStore() {
              @Override
              public SyncCheckpoint load() throws java.io.IOException {
                return disk.load();
              }

              @Override
              public void save(SyncCheckpoint c) throws java.io.IOException {
                if (crashInStore && crashAfter > 0 && handled[0] >= crashAfter) {
                  throw new Crash(); // the changes were applied; the checkpoint is lost
                }
                disk.save(c);
              }

              @Override
              public java.io.Closeable lock() throws java.io.IOException {
                return disk.lock();
              }
            };
        try (CatalogClient catalog = CatalogClientTest.client(sandbox)) {
          CatalogSync sync =
              CatalogSync.builder(catalog)
                  .checkpointStore(store)
                  .heldProductIds(shop::ids)
                  .pageSize(25)
                  .checkpointEvery(250)
                  .handler(
                      change -> {
                        if (!crashInStore && ++handled[0] == crashAfter) {
                          throw new Crash(); // dies before applying this change
                        }
                        if (crashInStore) {
                          handled[0]++;
                        }
                        shop.apply(change);
                      })
                  .build();
          editor.randomEdits(edits, 0); // the catalog keeps changing between restarts
          sync.runUntilCaughtUp();
          if (!crashThisRun) {
            break;
          }
        } catch (Crash expected) {
          crashes++;
        }
      }
      assertThat(crashes).isGreaterThanOrEqualTo(20);
      assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
      assertThat(shop.replayed).as("changes handed over again after a crash").isPositive();
    }
  }

  @Test
  void rateLimitBurstsAreWaitedOutByTheClientsPipelineAlone() {
    java.util.List<ma.hirfa.sdk.core.AttemptEvent> limited =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    ma.hirfa.sdk.core.CallListener recorder =
        new ma.hirfa.sdk.core.CallListener() {
          @Override
          public void attemptFinished(ma.hirfa.sdk.core.AttemptEvent e) {
            if (e.status() == 429) {
              limited.add(e);
            }
          }
        };
    try (Sandbox sandbox =
            // 2 a second: 6 pages and more meet a 429 unless each request took over half a second.
            Sandbox.builder().catalogSize(100).rateLimit(2, Duration.ofSeconds(1)).start();
        CatalogClient catalog =
            CatalogClient.builder()
                .apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .configure(o -> o.addListener(recorder))
                .build();
        CatalogEditor editor = new CatalogEditor(sandbox, 3)) {
      Shop shop = new Shop();
      CatalogSync sync = sync(catalog, new InMemoryCheckpointStore(), shop).pageSize(10).build();
      sync.runUntilCaughtUp();
      editor.createInOneBatch(60, 0);

      SyncReport report = sync.runUntilCaughtUp();

      assertThat(report.caughtUp()).isTrue();
      assertThat(report.feedPages()).isGreaterThanOrEqualTo(6);
      assertThat(limited).as("429s waited out by the client's pipeline").isNotEmpty();
      assertThat(limited).allSatisfy(e -> assertThat(e.retryIn()).isNotNull());
      assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
    }
  }

  @Test
  void aHandlerFailureStopsTheSyncBeforeTheChangeIsCheckpointed() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(50).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      InMemoryCheckpointStore store = new InMemoryCheckpointStore();
      CatalogSync failing =
          CatalogSync.builder(catalog)
              .checkpointStore(store)
              .heldProductIds(java.util.stream.Stream::empty)
              .handler(
                  c -> {
                    throw new java.io.IOException("disk full");
                  })
              .build();
      assertThatThrownBy(failing::runUntilCaughtUp)
          .isInstanceOfSatisfying(
              CatalogSync.SyncHandlerException.class,
              e -> {
                assertThat(e.changeId()).startsWith("exp_prd_S000000_");
                assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.FIX_HANDLER);
              });
      // The feed position was saved when the export opened, before the first product.
      assertThat(store.load().phase()).isEqualTo(SyncCheckpoint.Phase.IMPORTING);
      assertThat(store.load().lastProductId()).isNull();
    }
  }

  @Test
  void aSyncNeedsAStoreAHandlerAndTheHeldIds() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(0).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      assertThatThrownBy(
              () ->
                  CatalogSync.builder(catalog)
                      .heldProductIds(java.util.stream.Stream::empty)
                      .handler(c -> {})
                      .build())
          .isInstanceOfSatisfying(
              ma.hirfa.sdk.core.ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("checkpointStore"));
      assertThatThrownBy(
              () ->
                  CatalogSync.builder(catalog)
                      .checkpointStore(new InMemoryCheckpointStore())
                      .handler(c -> {})
                      .build())
          .isInstanceOfSatisfying(
              ma.hirfa.sdk.core.ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("heldProductIds"));
    }
  }
}
