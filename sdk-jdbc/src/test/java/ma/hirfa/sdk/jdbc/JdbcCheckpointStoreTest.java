package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.CatalogSyncException;
import ma.hirfa.sdk.catalog.CheckpointLeaseException;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.SyncCheckpoint;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.testkit.Sandbox;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease, the fencing token and the run's transaction, one behaviour per test. */
class JdbcCheckpointStoreTest {
  private static Sandbox sandbox;
  private static CatalogClient catalog;
  private HikariDataSource db;
  private @Nullable HikariDataSource crashedHostPool;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.builder().catalogSize(1_200).start();
    catalog = CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
  }

  @AfterAll
  static void stopSandbox() {
    catalog.close();
    sandbox.close();
  }

  @BeforeEach
  void database() {
    db = Postgres.withSchema("checkpoints", 6);
    Postgres.run(db, ShopTable.DDL);
  }

  @AfterEach
  void closeDatabase() {
    if (crashedHostPool != null) {
      crashedHostPool.close();
    }
    db.close();
  }

  private JdbcCheckpointStore store(String instance, Duration lease) {
    return JdbcCheckpointStore.builder(db).instanceId(instance).leaseDuration(lease).build();
  }

  private CatalogSync sync(JdbcCheckpointStore store) {
    return CatalogSync.builder(catalog)
        .checkpointStore(store)
        .heldProductIds(() -> ShopTable.heldIds(db))
        .handler(ShopTable.handler(store))
        .build();
  }

  @Test
  void aSecondInstanceReturnsLeaseHeldWithoutTouchingAnythingWhileTheFirstSyncs() {
    JdbcCheckpointStore a = store("a", Duration.ofSeconds(30));
    JdbcCheckpointStore b = store("b", Duration.ofSeconds(30));
    AtomicReference<SyncReport> second = new AtomicReference<>();
    CatalogSync syncB = sync(b);
    var handlerA = ShopTable.handler(a);

    SyncReport first =
        CatalogSync.builder(catalog)
            .checkpointStore(a)
            .heldProductIds(() -> ShopTable.heldIds(db))
            .handler(
                change -> {
                  if (second.get() == null) {
                    second.set(syncB.runUntilCaughtUp()); // another node's scheduled run
                  }
                  handlerA.handle(change);
                })
            .build()
            .runUntilCaughtUp();

    assertThat(first.caughtUp()).isTrue();
    assertThat(second.get().stop()).isEqualTo(SyncReport.Stop.LEASE_HELD);
    assertThat(second.get().imported()).isZero();
    assertThat(ShopTable.contents(db)).isEqualTo(sandbox.catalog().contents());
  }

  @Test
  void theNextInstanceStartsAtOnceAfterARunEndsAndFollowsFromItsCheckpoint() {
    SyncReport first = sync(store("a", Duration.ofSeconds(30))).runUntilCaughtUp();
    String product = "prd_S000007";
    catalog.products().delete(product, ProductDeleteParams.anyVersion());

    SyncReport second = sync(store("b", Duration.ofSeconds(30))).runUntilCaughtUp();

    assertThat(first.imported()).isEqualTo(sandbox.catalog().productCount() + 1);
    assertThat(second.caughtUp()).isTrue();
    assertThat(second.imported()).isZero();
    assertThat(second.deletes()).isEqualTo(1);
    assertThat(ShopTable.contents(db)).isEqualTo(sandbox.catalog().contents());
  }

  @Test
  void theLeaseOfACrashedHolderIsTakenOverOnceItExpiresFromItsLastCheckpoint() throws Exception {
    // The crashing host has its own pool: the cut must not leave dead connections in b's pool.
    HikariConfig own = new HikariConfig();
    own.setJdbcUrl(db.getJdbcUrl());
    own.setUsername("postgres");
    own.setMaximumPoolSize(2);
    crashedHostPool = new HikariDataSource(own);
    CuttableDataSource crashing = new CuttableDataSource(crashedHostPool);
    JdbcCheckpointStore a =
        JdbcCheckpointStore.builder(crashing)
            .instanceId("a")
            .leaseDuration(Duration.ofSeconds(5))
            .build();
    long lockedAt = System.nanoTime();
    Closeable run = a.lock();
    a.save(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_crashed", null));
    crashing.cut(); // the host dies: its connections drop, nothing renews the lease
    JdbcCheckpointStore b = store("b", Duration.ofSeconds(30));

    assertThatThrownBy(b::lock)
        .isInstanceOfSatisfying(
            CheckpointLeaseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CheckpointLeaseException.Reason.HELD);
              assertThat(e.holder()).isEqualTo("a");
            });
    // The lease runs out on the database's clock, nobody renewing it: b gets it within 30 s (5 s on
    // a quiet machine), and never before 5 s after a took it.
    Closeable taken = null;
    for (long until = System.nanoTime() + 30_000_000_000L; taken == null; ) {
      try {
        taken = b.lock();
      } catch (CheckpointLeaseException held) {
        if (System.nanoTime() > until) {
          throw held;
        }
        Thread.sleep(200);
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - lockedAt))
        .isGreaterThan(Duration.ofMillis(4_900));
    try (Closeable lease = taken) {
      assertThat(b.fencingToken()).isEqualTo(2);
      assertThat(b.load())
          .isEqualTo(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_crashed", null));
    }
    assertThat(run).isNotNull();
  }

  @Test
  void aPausedFormerHolderCannotWriteItsStaleCheckpointNorTheRowsWrittenWithIt() throws Exception {
    JdbcCheckpointStore a = store("a", Duration.ofSeconds(60));
    JdbcCheckpointStore b = store("b", Duration.ofSeconds(60));
    try (Closeable runA = a.lock()) {
      a.save(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_1", null));
      try (PreparedStatement s =
          a.connection()
              .prepareStatement("INSERT INTO shop_handled VALUES ('chg_stale', 1, 'a')")) {
        s.executeUpdate(); // written by A before its pause, not yet checkpointed
      }
      expireLease(); // A was paused for longer than its lease
      try (Closeable runB = b.lock()) {
        b.save(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_2", null));
      }

      assertThatThrownBy(
              () -> a.save(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_stale", null)))
          .isInstanceOfSatisfying(
              CheckpointLeaseException.class,
              e -> assertThat(e.reason()).isEqualTo(CheckpointLeaseException.Reason.LOST))
          .hasMessageContaining("fencing token 1");
    }
    assertThat(store("c", Duration.ofSeconds(60)).load())
        .isEqualTo(new SyncCheckpoint(SyncCheckpoint.Phase.FOLLOWING, "cur_2", null));
    assertThat(ShopTable.count(db, "SELECT count(*) FROM shop_handled")).isZero();
  }

  @Test
  void theHandlersRowsCommitWithTheCheckpointSoACrashReplaysNothingIntoTheShop() {
    JdbcCheckpointStore a = store("a", Duration.ofSeconds(30));
    var handler = ShopTable.handler(a);
    AtomicInteger handled = new AtomicInteger();
    CatalogSync crashing =
        CatalogSync.builder(catalog)
            .checkpointStore(a)
            .heldProductIds(() -> ShopTable.heldIds(db))
            .checkpointEvery(500)
            .handler(
                change -> {
                  handler.handle(change);
                  if (handled.incrementAndGet() == 730) {
                    throw new IllegalStateException("the process dies here");
                  }
                })
            .build();

    assertThatThrownBy(crashing::runUntilCaughtUp).hasMessage("the process dies here");
    assertThat(ShopTable.count(db, "SELECT count(*) FROM shop_products")).isEqualTo(500);
    SyncReport resumed = sync(store("b", Duration.ofSeconds(30))).runUntilCaughtUp();

    assertThat(resumed.imported()).isEqualTo(sandbox.catalog().productCount() - 500);
    assertThat(ShopTable.contents(db)).isEqualTo(sandbox.catalog().contents());
    assertThat(
            ShopTable.count(
                db,
                "SELECT count(*) FROM (SELECT change_id FROM shop_handled"
                    + " GROUP BY change_id HAVING count(*) > 1) twice"))
        .isZero();
  }

  @Test
  void aRunWhoseLeaseWasTakenOverStopsWithRunAgain() throws Exception {
    JdbcCheckpointStore a = store("a", Duration.ofSeconds(60));
    var handler = ShopTable.handler(a);
    AtomicInteger handled = new AtomicInteger();
    CatalogSync sync =
        CatalogSync.builder(catalog)
            .checkpointStore(a)
            .heldProductIds(() -> ShopTable.heldIds(db))
            .handler(
                change -> {
                  handler.handle(change);
                  if (handled.incrementAndGet() == 10) {
                    expireLease();
                    try (Closeable other = store("b", Duration.ofSeconds(60)).lock()) {
                      // another node took the lease while this one was stuck
                    }
                  }
                })
            .build();

    assertThatThrownBy(sync::runUntilCaughtUp)
        .isInstanceOfSatisfying(
            CatalogSyncException.class,
            e -> assertThat(e.remedy()).isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN))
        .hasMessageContaining("taken over");
    assertThat(ShopTable.count(db, "SELECT count(*) FROM shop_products")).isZero();
  }

  @Test
  void aMissingTableFailsTheRunNamingTheSqlFileThatCreatesIt() {
    HikariDataSource empty = Postgres.pool(Postgres.createDatabase("nocheckpoints"), 2);
    try {
      JdbcCheckpointStore store = JdbcCheckpointStore.builder(empty).build();
      CatalogSync sync =
          CatalogSync.builder(catalog)
              .checkpointStore(store)
              .heldProductIds(java.util.stream.Stream::empty)
              .handler(change -> {})
              .build();

      assertThatThrownBy(sync::runUntilCaughtUp)
          .hasMessageContaining("hirfa_sync_checkpoints")
          .hasMessageContaining(JdbcSchema.V1);
      assertThatThrownBy(store::checkSchema).hasMessageContaining(JdbcSchema.V1);
    } finally {
      empty.close();
    }
  }

  private void expireLease() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE hirfa_sync_checkpoints SET lease_expires_at = now() - interval '1 second'");
    }
  }
}
