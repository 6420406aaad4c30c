package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Promise E2 across instances: eight receivers (each with its own connection pool, as eight
 * processes would have) share one {@link JdbcProcessedEvents} table, and a platform delivers 10,000
 * events to them at random, retrying every delivery that did not get its 2xx. A seeded plan of
 * faults per attempt: the handler fails before or after its write, the connection is killed at
 * commit (a crash of the receiver), the answer is lost after the commit (the platform retries), and
 * copies of one event are delivered at the same time to different receivers. Every event must be
 * applied exactly once: one row per event in the application's table, committed with its id.
 */
class SharedReceiversPropertyTest {
  private static final int RECEIVERS = 8;
  private static final int EVENTS = 10_000;
  private static final int THREADS = 16;

  enum Fault {
    NONE,
    FAIL_BEFORE_WRITE,
    FAIL_AFTER_WRITE,
    KILLED_AT_COMMIT,
    ANSWER_LOST
  }

  record Delivery(int event, int attempt) {}

  static LongStream seeds() {
    return Boolean.getBoolean("hirfa.jdbc.big")
        ? LongStream.rangeClosed(1, 5).map(i -> 20_261_129L * i)
        : LongStream.of(20_261_129L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eightReceiversApplyEachOfTenThousandRetriedDeliveriesExactlyOnce(long seed)
      throws Exception {
    String database = Postgres.createDatabase("receivers");
    HikariDataSource admin = Postgres.pool(database, 4);
    Postgres.run(admin, Postgres.sdkSchema());
    Postgres.run(admin, "CREATE TABLE applied (event_id VARCHAR(64) NOT NULL, receiver INT);");
    List<HikariDataSource> pools = new ArrayList<>();
    List<JdbcProcessedEvents> receivers = new ArrayList<>();
    for (int i = 0; i < RECEIVERS; i++) {
      HikariDataSource pool = Postgres.pool(database, 3);
      pools.add(pool);
      receivers.add(JdbcProcessedEvents.builder(pool).build());
    }
    LinkedBlockingQueue<Delivery> platform = new LinkedBlockingQueue<>();
    AtomicInteger outstanding = new AtomicInteger();
    AtomicLong deliveries = new AtomicLong();
    Random plan = new Random(seed);
    for (int e = 0; e < EVENTS; e++) {
      // A tenth of the events are sent twice at once: a retry overtaking a slow first attempt.
      int copies = plan.nextInt(10) == 0 ? 2 : 1;
      for (int c = 0; c < copies; c++) {
        outstanding.incrementAndGet();
        platform.add(new Delivery(e, 0));
      }
    }
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    long started = System.nanoTime();
    try {
      for (int t = 0; t < THREADS; t++) {
        int worker = t;
        workers.execute(
            () -> {
              Random random = new Random(seed * 31 + worker);
              while (outstanding.get() > 0) {
                Delivery d;
                try {
                  d = platform.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException x) {
                  return;
                }
                if (d == null) {
                  continue;
                }
                deliveries.incrementAndGet();
                int receiver = random.nextInt(RECEIVERS);
                Fault fault = faultOf(seed, d);
                boolean answered = deliver(receivers.get(receiver), admin, d, receiver, fault);
                if (answered && fault != Fault.ANSWER_LOST) {
                  outstanding.decrementAndGet();
                } else {
                  platform.add(new Delivery(d.event(), d.attempt() + 1)); // the platform retries
                }
              }
            });
      }
      workers.shutdown();
      assertThat(workers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "seed %d: %d deliveries of %d events to %d receivers in %.1f s (%.0f/s)%n",
          seed, deliveries.get(), EVENTS, RECEIVERS, seconds, deliveries.get() / seconds);

      assertThat(count(admin, "SELECT count(*) FROM applied")).isEqualTo(EVENTS);
      assertThat(count(admin, "SELECT count(DISTINCT event_id) FROM applied")).isEqualTo(EVENTS);
      assertThat(count(admin, "SELECT count(*) FROM hirfa_processed_events")).isEqualTo(EVENTS);
      assertThat(
              count(
                  admin,
                  "SELECT count(*) FROM hirfa_processed_events p"
                      + " WHERE NOT EXISTS (SELECT 1 FROM applied a WHERE a.event_id = p.event_id)"))
          .isZero();
      assertThat(deliveries.get()).isGreaterThan(EVENTS + EVENTS / 5); // the faults did happen
    } finally {
      workers.shutdownNow();
      pools.forEach(HikariDataSource::close);
      admin.close();
    }
  }

  /** Attempt 0 to 3 may fail; the fifth attempt always gets through (the platform's patience). */
  private static Fault faultOf(long seed, Delivery d) {
    if (d.attempt() >= 4) {
      return Fault.NONE;
    }
    Random r = new Random(seed ^ (d.event() * 1_000_003L + d.attempt()));
    int roll = r.nextInt(100);
    if (roll < 8) {
      return Fault.FAIL_BEFORE_WRITE;
    }
    if (roll < 16) {
      return Fault.FAIL_AFTER_WRITE;
    }
    if (roll < 18) {
      return Fault.KILLED_AT_COMMIT;
    }
    if (roll < 30) {
      return Fault.ANSWER_LOST;
    }
    return Fault.NONE;
  }

  /** One delivery to one receiver; true when the receiver answered 2xx. */
  private static boolean deliver(
      JdbcProcessedEvents store, HikariDataSource admin, Delivery d, int receiver, Fault fault) {
    String id = "msg_" + d.event();
    try {
      store.processOnce(
          id,
          Instant.now(),
          () -> {
            if (fault == Fault.FAIL_BEFORE_WRITE) {
              throw new IllegalStateException("the handler failed before writing");
            }
            Connection c = JdbcProcessedEvents.currentConnection();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO applied VALUES (?, ?)")) {
              s.setString(1, id);
              s.setInt(2, receiver);
              s.executeUpdate();
            }
            if (fault == Fault.FAIL_AFTER_WRITE) {
              throw new IllegalStateException("the handler failed after writing");
            }
            if (fault == Fault.KILLED_AT_COMMIT) {
              kill(admin, c);
            }
          });
      return true;
    } catch (RuntimeException | SQLException e) {
      return false; // a 5xx: the platform retries
    }
  }

  private static void kill(HikariDataSource admin, Connection victim) throws SQLException {
    int pid;
    try (Statement s = victim.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      pid = r.getInt(1);
    }
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
  }

  private static long count(HikariDataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
