package ma.hirfa.sdk.jdbc;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CheckpointLeaseException;
import ma.hirfa.sdk.catalog.SyncCheckpoint;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link JdbcCheckpointStore}: the lease it acquired (its fencing token), the
 * connection whose transaction carries the handler's rows and the checkpoint, and the thread that
 * renews the lease. Closing it rolls back what was not checkpointed and releases the lease.
 */
final class LeaseRun implements Closeable {
  private final JdbcCheckpointStore store;
  private final Connection connection;
  private final Connection guarded;
  private final long token;
  private final boolean postgres;
  private final ScheduledExecutorService renewer;
  private volatile boolean lost;

  private LeaseRun(JdbcCheckpointStore store, Connection connection, long token, boolean postgres) {
    this.store = store;
    this.connection = connection;
    this.guarded = GuardedConnection.wrap(connection);
    this.token = token;
    this.postgres = postgres;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hirfa-lease-" + store.syncName);
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, store.leaseDuration.toMillis() / 3);
    var unused = renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  static LeaseRun acquire(JdbcCheckpointStore store) throws IOException {
    Connection c;
    try {
      c = store.dataSource.getConnection();
    } catch (SQLException e) {
      throw new IOException("could not connect to take the lease of " + store, e);
    }
    try {
      c.setAutoCommit(false);
      long token = take(store, c);
      boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
      if (postgres) {
        // A holder frozen inside a transaction must not keep its row locks past its lease.
        try (Statement s = c.createStatement()) {
          s.execute("SET idle_in_transaction_session_timeout = " + store.leaseDuration.toMillis());
        }
        c.commit();
      }
      return new LeaseRun(store, c, token, postgres);
    } catch (SQLException e) {
      rollbackQuietly(c);
      try {
        if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
          JdbcSchema.check(c, store.table, JdbcCheckpointStore.COLUMNS); // names the SQL file
        }
      } finally {
        closeQuietly(c);
      }
      throw new IOException("could not take the lease of " + store + ": " + e.getMessage(), e);
    } catch (RuntimeException e) { // a CheckpointLeaseException (HELD) included
      rollbackQuietly(c);
      closeQuietly(c);
      throw e;
    }
  }

  /** In one transaction: the row (created if missing), locked; the lease taken if free. */
  private static long take(JdbcCheckpointStore store, Connection c)
      throws SQLException, CheckpointLeaseException {
    String select =
        "SELECT lease_holder, lease_token, lease_expires_at FROM "
            + store.table
            + " WHERE sync_name = ? FOR UPDATE";
    for (int attempt = 0; ; attempt++) {
      OffsetDateTime now = databaseNow(c);
      try (PreparedStatement s = JdbcCheckpointStore.prepare(c, select, store.syncName);
          ResultSet row = s.executeQuery()) {
        if (row.next()) {
          String holder = row.getString(1);
          long current = row.getLong(2);
          OffsetDateTime expires = row.getObject(3, OffsetDateTime.class);
          if (holder != null && expires != null && expires.isAfter(now)) {
            c.rollback();
            throw new CheckpointLeaseException(
                CheckpointLeaseException.Reason.HELD,
                "the lease of sync "
                    + store.syncName
                    + " is held by "
                    + holder
                    + " until "
                    + expires.toInstant()
                    + " (database time)",
                holder,
                expires.toInstant());
          }
          long token = current + 1;
          try (PreparedStatement u =
              JdbcCheckpointStore.prepare(
                  c,
                  "UPDATE "
                      + store.table
                      + " SET lease_holder = ?, lease_token = ?, lease_expires_at = ?"
                      + " WHERE sync_name = ?",
                  store.instanceId,
                  token,
                  now.plus(store.leaseDuration),
                  store.syncName)) {
            u.executeUpdate();
          }
          c.commit();
          return token;
        }
      }
      c.rollback();
      if (attempt > 0) {
        throw new SQLException("the row of sync " + store.syncName + " vanished while taken");
      }
      createRow(store, c);
    }
  }

  /** The sync's first run anywhere: its row, with no lease and token 0. */
  private static void createRow(JdbcCheckpointStore store, Connection c) throws SQLException {
    try (PreparedStatement s =
        JdbcCheckpointStore.prepare(
            c,
            "INSERT INTO " + store.table + " (sync_name, lease_token) VALUES (?, ?)",
            store.syncName,
            0L)) {
      s.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      if (!JdbcSchema.isDuplicateKey(e)) {
        throw e;
      }
      // Another instance created it at the same moment: lock it in the next round.
    }
  }

  static OffsetDateTime databaseNow(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
      r.next();
      return r.getObject(1, OffsetDateTime.class);
    }
  }

  Connection connection() {
    return guarded;
  }

  long token() {
    return token;
  }

  @Nullable SyncCheckpoint load() throws IOException {
    try {
      SyncCheckpoint checkpoint = read(store, connection);
      connection.commit(); // no transaction stays open while the run reads the API
      return checkpoint;
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new IOException("could not read the checkpoint of " + store, e);
    }
  }

  static @Nullable SyncCheckpoint read(JdbcCheckpointStore store, Connection c)
      throws SQLException {
    try (PreparedStatement s =
            JdbcCheckpointStore.prepare(
                c,
                "SELECT phase, feed_cursor, last_product_id FROM "
                    + store.table
                    + " WHERE sync_name = ?",
                store.syncName);
        ResultSet row = s.executeQuery()) {
      if (!row.next() || row.getString(1) == null) {
        return null;
      }
      return new SyncCheckpoint(
          SyncCheckpoint.Phase.valueOf(row.getString(1)), row.getString(2), row.getString(3));
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
        c.rollback();
        JdbcSchema.check(c, store.table, JdbcCheckpointStore.COLUMNS);
      }
      throw e;
    }
  }

  /**
   * The checkpoint and the handler's rows since the last one, if this run still holds the lease.
   */
  void save(SyncCheckpoint checkpoint) throws IOException {
    int updated;
    try (PreparedStatement s =
        JdbcCheckpointStore.prepare(
            connection,
            "UPDATE "
                + store.table
                + " SET phase = ?, feed_cursor = ?, last_product_id = ?, updated_at = ?"
                + " WHERE sync_name = ? AND lease_token = ?",
            checkpoint.phase().name(),
            checkpoint.feedCursor(),
            checkpoint.lastProductId(),
            databaseNow(connection),
            store.syncName,
            token)) {
      updated = s.executeUpdate();
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new IOException("could not save the checkpoint of " + store + ": " + e.getMessage(), e);
    }
    if (updated == 0) {
      // Fenced: a newer holder exists. Its checkpoint stands; ours and our rows are discarded.
      lost = true;
      rollbackQuietly(connection);
      throw new CheckpointLeaseException(
          CheckpointLeaseException.Reason.LOST,
          "the lease of sync "
              + store.syncName
              + " was taken over by another instance (this run's fencing token "
              + token
              + " is no longer the newest); this run's checkpoint and the writes made with it"
              + " since the last one were discarded",
          null,
          null);
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new IOException(
          "could not commit the checkpoint of " + store + ": " + e.getMessage(), e);
    }
  }

  /** Extends the lease by its duration from now, in a short transaction of its own. */
  private void renew() {
    if (lost) {
      return;
    }
    try (Connection c = store.dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          JdbcCheckpointStore.prepare(
              c,
              "UPDATE "
                  + store.table
                  + " SET lease_expires_at = ? WHERE sync_name = ? AND lease_token = ?",
              databaseNow(c).plus(store.leaseDuration),
              store.syncName,
              token)) {
        lost = s.executeUpdate() == 0;
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      // Tried again at the next beat; a lease that expires meanwhile is fenced, never shared.
    }
  }

  /** Rolls back what was not checkpointed and frees the lease for the next instance at once. */
  @Override
  public void close() throws IOException {
    renewer.shutdownNow();
    try {
      connection.rollback();
      if (!lost) {
        try (PreparedStatement s =
            JdbcCheckpointStore.prepare(
                connection,
                "UPDATE "
                    + store.table
                    + " SET lease_holder = NULL, lease_expires_at = NULL"
                    + " WHERE sync_name = ? AND lease_token = ?",
                store.syncName,
                token)) {
          s.executeUpdate();
        }
        connection.commit();
      }
      if (postgres) {
        try (Statement s = connection.createStatement()) {
          s.execute("RESET idle_in_transaction_session_timeout"); // a pooled connection lives on
        }
        connection.commit();
      }
    } catch (SQLException e) {
      // The lease then expires by itself; the checkpoint is intact.
      throw new IOException("could not release the lease of " + store + ": " + e.getMessage(), e);
    } finally {
      store.ended(this);
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        // Closed below regardless.
      }
      closeQuietly(connection);
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // A broken connection: the database rolls back as it drops it.
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Nothing left to release.
    }
  }
}
