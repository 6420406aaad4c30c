package ma.hirfa.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProcessedEvents} store in a database table, shared by every instance of the receiver:
 * the event id is inserted in a transaction, the action runs inside that same transaction, and the
 * id commits together with the application's own writes, or neither does. An event is applied
 * exactly once across any number of instances and restarts (promise E2), and never lost when the
 * action fails (promise E1).
 *
 * <pre>{@code
 * JdbcProcessedEvents processed = JdbcProcessedEvents.builder(dataSource).build();  // once
 *
 * WebhookMessage message = verifier.verify(headers, rawBody);
 * processed.processOnce(message, (m, connection) -> {         // the transaction: join it
 *   try (PreparedStatement ship = connection.prepareStatement(
 *       "UPDATE orders SET status = 'paid' WHERE reference = ?")) {
 *     ship.setString(1, reference(parser.parse(m)));
 *     ship.executeUpdate();
 *   }
 * });                                                          // the id and the order, or neither
 * }</pre>
 *
 * <h2>Joining the transaction</h2>
 *
 * The action writes on the connection it is given ({@link TransactionalHandler}), or, through the
 * {@link ProcessedEvents} interface (a {@code CmiCallback}'s {@code paidOrders}, code that only
 * knows the interface), on {@link #currentConnection()}, the same connection bound to the thread
 * while the action runs. Either is the store's transaction: the action must not commit, roll back,
 * close it or switch auto-commit on (those calls throw); savepoints are allowed. Writes the action
 * makes elsewhere (another {@code DataSource}, an HTTP call) are not covered: they can repeat after
 * a crash between them and the commit.
 *
 * <h2>How it holds across instances</h2>
 *
 * The table's primary key is the claim. A second delivery of an id being processed elsewhere blocks
 * on the first one's uncommitted insert until it ends (the database's unique-key locking:
 * PostgreSQL, MySQL/InnoDB, Oracle and SQL Server all wait), then skips it if it committed or runs
 * it if it rolled back. A delivery of an id already committed finds the key at once and returns
 * {@code false}. A receiver that dies mid-action leaves an uncommitted transaction that the
 * database rolls back when the connection drops: nothing is recorded, so the platform's retry runs
 * it again.
 *
 * <p>Ids are kept until {@link #purgeProcessedBefore(Instant)} removes them: keep them at least as
 * long as the platform retries (days), and as the verifier's tolerance. The table must exist
 * ({@link JdbcSchema}); the first call checks it. Thread-safe; share one instance.
 */
public final class JdbcProcessedEvents implements ProcessedEvents {
  private static final List<String> COLUMNS = List.of("event_id", "event_time", "processed_at");
  private static final ThreadLocal<@Nullable Connection> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Set<String>> RUNNING = ThreadLocal.withInitial(HashSet::new);

  private final DataSource dataSource;
  private final String table;
  private final String insert;
  private volatile boolean checked;

  /** The work to run once per event, inside the store's transaction. */
  @FunctionalInterface
  public interface TransactionalHandler<X extends Exception> {
    /**
     * Applies the event, writing on {@code connection} (the store's transaction, committed with the
     * event id after this returns).
     */
    void handle(WebhookMessage message, Connection connection) throws X, SQLException;
  }

  private JdbcProcessedEvents(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.insert = "INSERT INTO " + table + " (event_id, event_time, processed_at) VALUES (?, ?, ?)";
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * The connection of the action running on this thread: write on it to commit with the event id.
   *
   * @throws IllegalStateException outside an action of a {@code JdbcProcessedEvents}
   */
  public static Connection currentConnection() {
    Connection c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException(
          "no JdbcProcessedEvents action is running on this thread: call currentConnection() from"
              + " inside processOnce");
    }
    return c;
  }

  /** Fails now, naming the SQL file to run, if the table is missing or lacks a column. */
  public void checkSchema() {
    try (Connection c = dataSource.getConnection()) {
      JdbcSchema.check(c, table, COLUMNS);
      checked = true;
    } catch (SQLException e) {
      throw JdbcStoreException.of("connect to check the table " + table, e);
    }
  }

  /**
   * {@link #processOnce(String, Instant, Action)} with the message's id and timestamp, handing the
   * handler the store's transaction.
   */
  public <X extends Exception> boolean processOnce(
      WebhookMessage message, TransactionalHandler<X> handler) throws X {
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(handler, "handler == null");
    return processOnce(
        message.id(),
        message.timestamp(),
        () -> {
          try {
            handler.handle(message, currentConnection());
          } catch (SQLException e) {
            throw new HandlerSqlException(e);
          }
        });
  }

  /**
   * Runs {@code action} in a transaction that first claims {@code eventId}; commits the id with
   * whatever the action wrote on {@link #currentConnection()}, or rolls both back if it throws.
   *
   * @return true if the action ran now and committed; false if the id was committed before
   * @throws JdbcStoreException if the database failed (the id is not recorded, the action's writes
   *     are rolled back); an {@link SQLException} of a {@link TransactionalHandler} arrives as its
   *     cause
   */
  @Override
  public <X extends Exception> boolean processOnce(
      String eventId, Instant timestamp, Action<X> action) throws X {
    Objects.requireNonNull(eventId, "eventId == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    Objects.requireNonNull(action, "action == null");
    if (eventId.isEmpty() || eventId.length() > 255) {
      throw new ValidationException("eventId", "must be 1 to 255 characters");
    }
    Set<String> running = RUNNING.get();
    if (!running.add(eventId)) {
      // The second insert would wait for our own transaction: it would never end.
      throw new IllegalStateException(
          "processOnce called again for event " + eventId + " from inside its own action");
    }
    try (Connection c = open()) {
      return claimAndRun(c, eventId, timestamp, action);
    } catch (SQLException e) {
      throw JdbcStoreException.of("process event " + eventId + " in " + table, e);
    } finally {
      running.remove(eventId);
    }
  }

  private <X extends Exception> boolean claimAndRun(
      Connection c, String eventId, Instant timestamp, Action<X> action) throws X, SQLException {
    boolean done = false;
    try {
      if (!claim(c, eventId, timestamp)) {
        c.rollback();
        done = true;
        return false;
      }
      Connection previous = CURRENT.get();
      CURRENT.set(GuardedConnection.wrap(c));
      try {
        action.run();
      } catch (HandlerSqlException e) {
        throw JdbcStoreException.of("apply event " + eventId, e.sql);
      } finally {
        CURRENT.set(previous);
      }
      c.commit(); // the id and the action's writes, together
      done = true;
      return true;
    } finally {
      if (!done) {
        rollbackQuietly(c);
      }
    }
  }

  /** Inserts the id: false when it is committed already (after waiting for a running claim). */
  private boolean claim(Connection c, String eventId, Instant timestamp) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insert)) {
      s.setString(1, eventId);
      s.setObject(2, OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC));
      s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
      checked = true;
      return true;
    } catch (SQLException e) {
      if (JdbcSchema.isDuplicateKey(e)) {
        return false;
      }
      if (!checked) {
        c.rollback(); // PostgreSQL refuses any statement in a failed transaction
        JdbcSchema.check(c, table, COLUMNS); // a missing table: say which file creates it
      }
      throw e;
    }
  }

  /**
   * Forgets the ids processed before {@code cutoff}; returns how many. A later delivery of a
   * forgotten id runs its action again, so keep ids longer than the platform retries.
   */
  public int purgeProcessedBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff == null");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM " + table + " WHERE processed_at < ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw JdbcStoreException.of("purge " + table, e);
    }
  }

  private Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The connection is broken: the database rolls the transaction back as it drops it.
    }
  }

  @Override
  public String toString() {
    return "JdbcProcessedEvents{table=" + table + "}";
  }

  /** Carries a handler's SQLException through {@link Action}, whose type it is not. */
  private static final class HandlerSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SQLException sql;

    HandlerSqlException(SQLException sql) {
      super(sql.getMessage(), sql, false, false);
      this.sql = sql;
    }
  }

  /** Configures a {@link JdbcProcessedEvents}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = JdbcSchema.PROCESSED_EVENTS;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** The table (default {@code hirfa_processed_events}), optionally schema-qualified. */
    public Builder table(String table) {
      this.table = JdbcSchema.tableName("table", table);
      return this;
    }

    public JdbcProcessedEvents build() {
      return new JdbcProcessedEvents(this);
    }
  }
}
