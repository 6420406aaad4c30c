package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way the partner's store used to stop converging (issue 22), one test each: a crash before
 * the first import checkpoint, an expired cursor, an export without its cursor header cut midway,
 * thin changes, shuffled pages, a feed page too large for one response.
 */
class CatalogSyncRecoveryTest {
  Sandbox sandbox;
  CatalogClient catalog;
  CatalogEditor editor;
  Shop shop = new Shop();
  InMemoryCheckpointStore store = new InMemoryCheckpointStore();

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(120).start();
    catalog = CatalogClientTest.client(sandbox);
    editor = new CatalogEditor(sandbox, 22);
  }

  @AfterEach
  void stop() {
    editor.close();
    catalog.close();
    sandbox.close();
  }

  private CatalogSync.Builder sync() {
    return CatalogSyncTest.sync(catalog, store, shop);
  }

  private void assertConverged() {
    assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
  }

  @Test
  void aCrashBeforeTheFirstImportCheckpointLeavesNoGhosts() {
    int[] handled = {0};
    CatalogSync crashing =
        CatalogSync.builder(catalog)
            .checkpointStore(store)
            .heldProductIds(shop::ids)
            .handler(
                c -> {
                  if (++handled[0] == 40) {
                    throw new CatalogSyncTest.Crash();
                  }
                  shop.apply(c);
                })
            .build();
    assertThatThrownBy(crashing::runUntilCaughtUp).isInstanceOf(CatalogSyncTest.Crash.class);
    List<String> held = shop.ids().sorted().limit(20).toList();
    held.forEach(editor::delete); // deleted while the importer is down: the shop holds them

    SyncReport report = sync().build().runUntilCaughtUp();

    assertThat(report.caughtUp()).isTrue();
    assertThat(shop.products).doesNotContainKeys(held.toArray(String[]::new));
    assertConverged();
  }

  @Test
  void anExpiredCursorIsRecoveredByAReimportThatRemovesWhatTheCatalogDeleted() {
    sync().build().runUntilCaughtUp();
    List<String> gone = shop.ids().sorted().limit(5).toList();
    gone.forEach(editor::delete);
    editor.update(shop.ids().sorted().skip(10).findFirst().orElseThrow());
    editor.create(0);
    sandbox.catalogFaults().expireCursors();

    SyncReport report = sync().build().runUntilCaughtUp();

    assertThat(report.reimport()).isEqualTo(SyncReport.Reimport.CURSOR_EXPIRED);
    assertThat(report.removed()).isEqualTo(5);
    assertThat(report.caughtUp()).isTrue();
    assertConverged();
    SyncReport next = sync().build().runUntilCaughtUp();
    assertThat(next.reimport()).isNull();
    assertThat(next.imported()).isZero();
  }

  @Test
  void aLostCheckpointWithAStoreThatHoldsProductsReconcilesByIdInsteadOfLeavingGhosts() {
    sync().build().runUntilCaughtUp();
    List<String> gone = shop.ids().sorted().limit(4).toList();
    gone.forEach(editor::delete);
    store = new InMemoryCheckpointStore(); // the checkpoint is lost, the store is not

    SyncReport report = sync().build().runUntilCaughtUp();

    assertThat(report.reimport()).isEqualTo(SyncReport.Reimport.UNTRACKED_STORE);
    assertThat(report.removed()).isEqualTo(4);
    assertConverged();
  }

  @Test
  void anExportWithoutItsCursorHeaderCutMidwayLosesNoChange() {
    sandbox.catalogFaults().omitExportHeaders(10).cutExportAt(60_000);
    String early = "prd_S000005";
    int[] handled = {0};
    CatalogSync sync =
        CatalogSync.builder(catalog)
            .checkpointStore(store)
            .heldProductIds(shop::ids)
            .handler(
                c -> {
                  if (++handled[0] == 30) {
                    editor.update(early); // changed after the export began, already handed over
                  }
                  shop.apply(c);
                })
            .build();

    SyncReport report = sync.runUntilCaughtUp();

    assertThat(report.reimport()).isEqualTo(SyncReport.Reimport.EXPORT_CURSOR_MISSING);
    assertThat(shop.products.get(early).version()).isEqualTo(sandbox.catalog().version(early));
    assertConverged();
  }

  @Test
  void aThinChangeIsCompletedByReadingTheProduct() {
    sync().build().runUntilCaughtUp();
    editor.update("prd_S000003");
    editor.update("prd_S000004");
    editor.delete("prd_S000004"); // its thin upsert finds it gone; the deletion follows
    sandbox.catalogFaults().thinChanges(5);

    SyncReport report = sync().build().runUntilCaughtUp();

    assertThat(report.caughtUp()).isTrue();
    assertThat(shop.products.get("prd_S000003").version()).isEqualTo(2);
    assertConverged();
  }

  @Test
  void shuffledAndReplayedPagesNeverApplyAnOlderVersionOrUndoADeletion() {
    sync().build().runUntilCaughtUp();
    for (int i = 0; i < 4; i++) {
      editor.update("prd_S000007");
    }
    editor.update("prd_S000008");
    editor.delete("prd_S000008");
    sandbox.catalogFaults().shuffleFeedPages(20).replayFeedPages(3);

    SyncReport report = sync().pageSize(3).prefetch(false).build().runUntilCaughtUp();

    assertThat(report.caughtUp()).isTrue();
    assertThat(shop.stale).as("stale deliveries refused by version").isPositive();
    assertThat(shop.tombstones).containsKey("prd_S000008");
    assertConverged();
  }

  /** Found by the property test (seed 20261304): a stale upsert resurrected a deleted product. */
  @Test
  void aRepeatedPageOfChangesBeforeTheCursorIsIgnoredSoACrashMidPageResurrectsNothing() {
    editor.update("prd_S000010");
    editor.delete("prd_S000010"); // both before the export: the import never sees the product
    sync().build().runUntilCaughtUp();
    sandbox.catalogFaults().replayFeedPages(1); // the next page is that earlier one, cursor unmoved
    int[] handed = {0};
    CatalogSync crashing =
        CatalogSync.builder(catalog)
            .checkpointStore(store)
            .heldProductIds(shop::ids)
            .handler(
                c -> {
                  if (++handed[0] == 2) {
                    throw new CatalogSyncTest.Crash(); // after the stale upsert, before the delete
                  }
                  shop.apply(c);
                })
            .build();

    SyncReport report = crashing.runUntilCaughtUp();

    assertThat(handed[0]).as("changes handed over from the repeated page").isZero();
    assertThat(report.caughtUp()).isTrue();
    assertThat(shop.products).doesNotContainKey("prd_S000010");
    assertConverged();
  }

  @Test
  void aDeletionCarriesTheVersionAfterTheProductsLast() {
    sync().build().runUntilCaughtUp();
    editor.update("prd_S000009");
    editor.delete("prd_S000009");

    ChangePage page = catalog.products().changes(store.load().feedCursor(), 10);

    assertThat(page.data()).extracting(ProductChange::version).containsExactly(2L, 3L);
  }

  @Test
  void aFeedPageOverMaxResponseBytesIsAskedForAgainInSmallerPages() {
    sync().build().runUntilCaughtUp();
    editor.createInOneBatch(24, 40_000); // about a megabyte of changes edited together
    try (CatalogClient small =
        catalog.newBuilder().configure(o -> o.maxResponseBytes(256 * 1024)).build()) {
      SyncReport report = CatalogSyncTest.sync(small, store, shop).build().runUntilCaughtUp();

      assertThat(report.caughtUp()).isTrue();
      assertThat(report.upserts()).isEqualTo(24);
    }
    assertConverged();
  }

  @Test
  void oneChangeOverMaxResponseBytesSaysToRaiseIt() {
    sync().build().runUntilCaughtUp();
    editor.create(100_000);
    try (CatalogClient small =
        catalog.newBuilder().configure(o -> o.maxResponseBytes(64 * 1024)).build()) {
      assertThatThrownBy(() -> CatalogSyncTest.sync(small, store, shop).build().runUntilCaughtUp())
          .isInstanceOfSatisfying(
              CatalogSyncException.class,
              e -> {
                assertThat(e.remedy())
                    .isEqualTo(CatalogSyncException.Remedy.RAISE_MAX_RESPONSE_BYTES);
                assertThat(e.getMessage()).contains("65536").contains("maxResponseBytes");
              });
    }
  }

  @Test
  void aRateLimitStormBeyondTheRunsAttemptsSaysToRunAgain() {
    sync().build().runUntilCaughtUp();
    editor.create(0);
    sandbox.faults().rateLimited("GET", "/v1/products/changes", null, 50);
    SkewedTime time = new SkewedTime();
    try (CatalogClient timed =
        catalog.newBuilder().configure(o -> o.clock(time).sleeper(time)).build()) {
      assertThatThrownBy(() -> CatalogSyncTest.sync(timed, store, shop).build().runUntilCaughtUp())
          .isInstanceOfSatisfying(
              CatalogSyncException.class,
              e -> {
                assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN);
                assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
                assertThat(e.getMessage()).contains("run the sync again later");
              });
    }
    sandbox.faults().clear();
    sync().build().runUntilCaughtUp();
    assertConverged();
  }
}
