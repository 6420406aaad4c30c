package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run always ends: budgets of time and pages, a feed that does not move, rate-limit storms. */
class CatalogSyncBoundsTest {
  Sandbox sandbox;
  CatalogEditor editor;
  SkewedTime time = new SkewedTime();
  List<Attempt> changesAttempts = new CopyOnWriteArrayList<>();
  CatalogClient catalog;
  Shop shop = new Shop();
  InMemoryCheckpointStore store = new InMemoryCheckpointStore();

  /** An attempt on the change feed: when it started (skewed clock), its status and Retry-After. */
  record Attempt(Instant started, int status, Duration retryIn) {}

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(20).start();
    editor = new CatalogEditor(sandbox, 7);
    CallListener recorder =
        new CallListener() {
          @Override
          public void attemptFinished(AttemptEvent e) {
            if (e.path().equals("/v1/products/changes")) {
              changesAttempts.add(
                  new Attempt(
                      time.instant().minus(e.duration()),
                      e.status(),
                      e.retryIn() == null ? Duration.ZERO : e.retryIn()));
            }
          }
        };
    catalog =
        CatalogClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(o -> o.clock(time).sleeper(time).addListener(recorder))
            .build();
  }

  @AfterEach
  void stop() {
    catalog.close();
    editor.close();
    sandbox.close();
  }

  @Test
  void aRunStopsAtItsPageBudgetAndTheNextContinues() {
    CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();
    editor.createInOneBatch(100, 0);
    CatalogSync sync =
        CatalogSyncTest.sync(catalog, store, shop).pageSize(10).maxFeedPages(3).build();

    SyncReport first = sync.runUntilCaughtUp();

    assertThat(first.stop()).isEqualTo(SyncReport.Stop.PAGE_BUDGET);
    assertThat(first.feedPages()).isEqualTo(3);
    assertThat(first.upserts()).isEqualTo(30);
    while (!sync.runUntilCaughtUp().caughtUp()) {
      // each run reads three more pages
    }
    assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
  }

  @Test
  void aFeedThatChangesFasterThanItIsReadStillLetsTheRunReturnWithinItsBudget() throws Exception {
    CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();
    editor.createInOneBatch(150, 0); // a backlog: the first page says there is more
    // Every change read makes two more: without a budget the run would never end.
    CatalogSync endless =
        CatalogSync.builder(catalog)
            .checkpointStore(store)
            .heldProductIds(shop::ids)
            .runBudget(Duration.ofSeconds(2))
            .pageSize(10)
            .handler(
                c -> {
                  editor.create(0);
                  editor.create(0);
                  shop.apply(c);
                })
            .build();
    long t0 = System.nanoTime();
    SyncReport report =
        assertTimeoutPreemptively(Duration.ofSeconds(20), endless::runUntilCaughtUp);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(report.stop()).isEqualTo(SyncReport.Stop.TIME_BUDGET);
    // The budget is checked between pages: the run may finish the page in hand (20 sandbox writes,
    // slow on a loaded machine), never run on as it would without a budget.
    assertThat(took).isLessThan(Duration.ofSeconds(8));
    assertThat(report.upserts()).isPositive();
    assertThat(report.position().phase()).isEqualTo(SyncCheckpoint.Phase.FOLLOWING);
    assertThat(report.cursor()).isEqualTo(store.load().feedCursor());
  }

  @Test
  void aReimportThatCannotFitInTheRunBudgetSaysToRaiseIt() {
    editor.createInOneBatch(60, 0);
    CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();
    CatalogSync slow =
        CatalogSync.builder(catalog)
            .checkpointStore(new InMemoryCheckpointStore()) // lost: the store holds products
            .heldProductIds(shop::ids)
            .runBudget(Duration.ofMillis(600))
            .handler(
                c -> {
                  Thread.sleep(20); // 80 products: longer than the whole budget
                  shop.apply(c);
                })
            .build();

    assertThatThrownBy(slow::runUntilCaughtUp)
        .isInstanceOfSatisfying(
            CatalogSyncException.class,
            e -> {
              assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.RAISE_RUN_BUDGET);
              assertThat(e.getMessage()).contains("runBudget (PT0.6S)");
            });
  }

  @Test
  void aFeedThatClaimsMoreWithoutMovingIsAskedAgainOnlyAfterWaitsThenLeftForTheNextRun() {
    CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();
    editor.create(0);
    sandbox.catalogFaults().stallFeed(100_000);
    changesAttempts.clear();

    SyncReport report = CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();

    assertThat(report.stop()).isEqualTo(SyncReport.Stop.FEED_STALLED);
    assertThat(changesAttempts).hasSize(SyncRun.MAX_STALLS + 1);
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    sandbox.catalogFaults().clear();
    assertThat(CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp().caughtUp())
        .isTrue();
    assertThat(shop.contents()).isEqualTo(sandbox.catalog().contents());
  }

  @Test
  void aPrefetchedPageOutOfRetriesOn429SendsNothingBeforeRetryAfterEnds() {
    CatalogSyncTest.sync(catalog, store, shop).build().runUntilCaughtUp();
    editor.createInOneBatch(30, 0);
    // The first page passes; the prefetch of the second meets more 429s than it has attempts.
    sandbox.faults().delay("GET", "/v1/products/changes", Duration.ofMillis(1), 1);
    sandbox.faults().rateLimited("GET", "/v1/products/changes", Duration.ofSeconds(3), 15);
    changesAttempts.clear();

    CatalogSync sync = CatalogSyncTest.sync(catalog, store, shop).pageSize(10).build();
    assertThatThrownBy(sync::runUntilCaughtUp)
        .isInstanceOfSatisfying(
            CatalogSyncException.class,
            e -> assertThat(e.getCause()).isInstanceOf(RateLimitException.class));

    List<Attempt> attempts = new ArrayList<>(changesAttempts);
    assertThat(attempts.get(0).status()).isEqualTo(200);
    for (int i = 2; i < attempts.size(); i++) {
      Attempt limited = attempts.get(i - 1);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Duration.between(limited.started(), attempts.get(i).started()))
          .as("attempt %d waited out Retry-After", i + 1)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
    assertThat(attempts.get(attempts.size() - 1).status())
        .as("nothing after the last 429")
        .isEqualTo(429);
  }
}
