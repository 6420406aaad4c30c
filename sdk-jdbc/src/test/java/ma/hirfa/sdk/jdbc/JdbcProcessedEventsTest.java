package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The processed-events store on a real PostgreSQL, one behaviour per test. */
class JdbcProcessedEventsTest {
  private static final Instant SENT = Instant.parse("2026-11-29T10:00:00Z");
  private static HikariDataSource db;

  @BeforeAll
  static void start() {
    db = Postgres.withSchema("events", 10);
    Postgres.run(db, "CREATE TABLE orders (reference VARCHAR(40) PRIMARY KEY, paid INT NOT NULL);");
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void theEventIdCommitsWithTheApplicationsOwnWrites() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();

    boolean now = store.processOnce("evt_commit", SENT, () -> pay("ORD-1"));

    assertThat(now).isTrue();
    assertThat(paid("ORD-1")).isEqualTo(1);
    assertThat(recorded("evt_commit")).isTrue();
  }

  @Test
  void aDuplicateIsSkippedWithoutRunningItsAction() throws Exception {
    JdbcProcessedEvents first = JdbcProcessedEvents.builder(db).build();
    JdbcProcessedEvents otherInstance = JdbcProcessedEvents.builder(db).build();
    first.processOnce("evt_dup", SENT, () -> pay("ORD-2"));

    boolean again = otherInstance.processOnce("evt_dup", SENT, () -> pay("ORD-2"));

    assertThat(again).isFalse();
    assertThat(paid("ORD-2")).isEqualTo(1);
  }

  @Test
  void aFailingActionRecordsNothingAndItsWritesRollBackSoTheRetryAppliesIt() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();

    assertThatThrownBy(
            () ->
                store.processOnce(
                    "evt_fail",
                    SENT,
                    () -> {
                      pay("ORD-3");
                      throw new IllegalStateException("the warehouse is down");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the warehouse is down");
    assertThat(paid("ORD-3")).isZero();
    assertThat(recorded("evt_fail")).isFalse();

    assertThat(store.processOnce("evt_fail", SENT, () -> pay("ORD-3"))).isTrue();
    assertThat(paid("ORD-3")).isEqualTo(1);
  }

  @Test
  void aTransactionalHandlerWritesOnTheConnectionItIsGiven() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();
    var message = Messages.signedAndVerified("msg_tx", "{\"id\":\"evt_tx\"}");

    boolean now =
        store.processOnce(
            message,
            (m, connection) -> {
              try (PreparedStatement s =
                  connection.prepareStatement("INSERT INTO orders VALUES (?, 1)")) {
                s.setString(1, "ORD-TX");
                s.executeUpdate();
              }
            });

    assertThat(now).isTrue();
    assertThat(paid("ORD-TX")).isEqualTo(1);
    assertThat(recorded("msg_tx")).isTrue();
  }

  @Test
  void theActionCannotCommitTheStoresTransactionBehindItsBack() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();

    assertThatThrownBy(
            () ->
                store.processOnce(
                    "evt_commit_early",
                    SENT,
                    () -> {
                      pay("ORD-4");
                      JdbcProcessedEvents.currentConnection().commit();
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("commit() is not allowed");
    assertThat(paid("ORD-4")).isZero();
    assertThat(recorded("evt_commit_early")).isFalse();
  }

  @Test
  void aConnectionKilledAtCommitRecordsNeitherTheIdNorTheWrites() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();

    assertThatThrownBy(
            () ->
                store.processOnce(
                    "evt_killed",
                    SENT,
                    () -> {
                      pay("ORD-5");
                      killBackendOf(JdbcProcessedEvents.currentConnection());
                    }))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("evt_killed");
    assertThat(paid("ORD-5")).isZero();
    assertThat(recorded("evt_killed")).isFalse();
  }

  @Test
  void aConcurrentDuplicateOnAnotherInstanceWaitsForTheFirstThenSkips() throws Exception {
    JdbcProcessedEvents a = JdbcProcessedEvents.builder(db).build();
    JdbcProcessedEvents b = JdbcProcessedEvents.builder(db).build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first =
          pool.submit(
              () ->
                  a.processOnce(
                      "evt_race",
                      SENT,
                      () -> {
                        runs.incrementAndGet();
                        inside.countDown();
                        release.await();
                        pay("ORD-6");
                      }));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second =
          pool.submit(() -> b.processOnce("evt_race", SENT, () -> runs.incrementAndGet()));
      Thread.sleep(300);
      assertThat(second).isNotDone(); // blocked on the first one's uncommitted claim
      release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
      assertThat(runs).hasValue(1);
      assertThat(paid("ORD-6")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingTableFailsNamingItAndTheSqlFileThatCreatesIt() {
    HikariDataSource empty = Postgres.pool(Postgres.createDatabase("noschema"), 2);
    try {
      JdbcProcessedEvents store = JdbcProcessedEvents.builder(empty).build();

      assertThatThrownBy(() -> store.processOnce("evt_x", SENT, () -> {}))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("hirfa_processed_events")
          .hasMessageContaining(JdbcSchema.V1)
          .satisfies(
              e ->
                  assertThat(((JdbcStoreException) e).missingTable())
                      .isEqualTo("hirfa_processed_events"));
      assertThatThrownBy(store::checkSchema).hasMessageContaining(JdbcSchema.V1);
    } finally {
      empty.close();
    }
  }

  @Test
  void purgingForgetsOnlyIdsProcessedBeforeTheCutoff() throws Exception {
    JdbcProcessedEvents store = JdbcProcessedEvents.builder(db).build();
    store.processOnce("evt_old", SENT, () -> {});
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE hirfa_processed_events SET processed_at = now() - interval '40 days'"
              + " WHERE event_id = 'evt_old'");
    }
    store.processOnce("evt_new", SENT, () -> {});

    int purged = store.purgeProcessedBefore(Instant.now().minus(java.time.Duration.ofDays(30)));

    assertThat(purged).isEqualTo(1);
    assertThat(recorded("evt_old")).isFalse();
    assertThat(recorded("evt_new")).isTrue();
  }

  /** The application's own write, on the store's transaction. */
  static void pay(String reference) throws SQLException {
    try (PreparedStatement s =
        JdbcProcessedEvents.currentConnection()
            .prepareStatement(
                "INSERT INTO orders VALUES (?, 1)"
                    + " ON CONFLICT (reference) DO UPDATE SET paid = orders.paid + 1")) {
      s.setString(1, reference);
      s.executeUpdate();
    }
  }

  /** Ends the server process of a connection, as a crash of the receiver's host would. */
  static void killBackendOf(Connection victim) throws SQLException {
    int pid;
    try (Statement s = victim.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      pid = r.getInt(1);
    }
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
  }

  private static int paid(String reference) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT paid FROM orders WHERE reference = ?")) {
      s.setString(1, reference);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  private static boolean recorded(String id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT 1 FROM hirfa_processed_events WHERE event_id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
