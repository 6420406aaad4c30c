package ma.hirfa.sdk.jdbc;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import ma.hirfa.sdk.catalog.CheckpointLeaseException;
import ma.hirfa.sdk.catalog.CheckpointStore;
import ma.hirfa.sdk.catalog.SyncCheckpoint;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CheckpointStore} in a database table, for a {@code CatalogSync} that several instances
 * run (every node of a cluster runs the scheduled job): one instance at a time holds a lease and
 * syncs, the others' runs return {@code LEASE_HELD} at once; the lease of an instance that died
 * expires and the next run elsewhere takes over from its checkpoint; and a holder that was only
 * paused cannot write its stale checkpoint afterwards, because every acquisition increments a
 * fencing token and a checkpoint is saved only by the run holding the newest one.
 *
 * <pre>{@code
 * JdbcCheckpointStore store = JdbcCheckpointStore.builder(dataSource)
 *     .syncName("catalog")                      // one row per sync
 *     .leaseDuration(Duration.ofSeconds(30))    // a dead holder is replaced after this long
 *     .build();
 * CatalogSync sync = CatalogSync.builder(catalog)
 *     .checkpointStore(store)
 *     .heldProductIds(shop::productIds)
 *     .handler(change -> shop.apply(store.connection(), change))   // rows + checkpoint: one commit
 *     .build();
 * SyncReport report = sync.runUntilCaughtUp();  // on every node, every minute
 * }</pre>
 *
 * <h2>Rows and checkpoint in one transaction</h2>
 *
 * While a run holds the lease, {@link #connection()} is the run's transaction: what the handler
 * writes on it commits together with the next checkpoint, and is rolled back with it when the run
 * fails, crashes or lost its lease. Changes are then never replayed into the shop (the checkpoint
 * and the rows cannot disagree), and a paused former holder's rows are discarded with its refused
 * checkpoint. The handler must not commit it (that throws). A handler that writes elsewhere still
 * works; it sees the usual replays after a crash and must apply by version.
 *
 * <h2>The lease</h2>
 *
 * Held from {@code lock()} (the start of a run) to the run's end, renewed by a background thread
 * every third of {@link Builder#leaseDuration}; times are the database's clock, so the instances'
 * clocks need not agree. On PostgreSQL the run's connection also gets {@code
 * idle_in_transaction_session_timeout} equal to the lease duration, so the transaction of a holder
 * frozen in the middle of it is ended by the server and its row locks do not block the next holder.
 * The table must exist ({@link JdbcSchema}).
 *
 * <p>Thread-safe; one run at a time per instance of this class (like any {@code CatalogSync}).
 */
public final class JdbcCheckpointStore implements CheckpointStore {
  static final List<String> COLUMNS =
      List.of(
          "sync_name",
          "phase",
          "feed_cursor",
          "last_product_id",
          "lease_holder",
          "lease_token",
          "lease_expires_at",
          "updated_at");

  final DataSource dataSource;
  final String table;
  final String syncName;
  final String instanceId;
  final Duration leaseDuration;
  private volatile @Nullable LeaseRun run;

  private JdbcCheckpointStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.syncName = b.syncName;
    this.instanceId = b.instanceId != null ? b.instanceId : "instance-" + UUID.randomUUID();
    this.leaseDuration = b.leaseDuration;
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /** Fails now, naming the SQL file to run, if the table is missing or lacks a column. */
  public void checkSchema() {
    try (Connection c = dataSource.getConnection()) {
      JdbcSchema.check(c, table, COLUMNS);
    } catch (SQLException e) {
      throw JdbcStoreException.of("connect to check the table " + table, e);
    }
  }

  /**
   * Takes the lease, or throws {@link CheckpointLeaseException} ({@code HELD}) when another
   * instance holds one that has not expired. The returned lease is the run: closing it rolls back
   * what was not checkpointed and releases the lease for the next instance at once.
   */
  @Override
  public Closeable lock() throws IOException {
    if (run != null) {
      throw new IOException("a run of " + this + " is in progress in this instance");
    }
    LeaseRun r = LeaseRun.acquire(this);
    run = r;
    return r;
  }

  void ended(LeaseRun r) {
    if (run == r) {
      run = null;
    }
  }

  /**
   * The running sync's transaction: write the shop's rows on it in the handler and they commit with
   * the next checkpoint, atomically.
   *
   * @throws IllegalStateException when no run holds the lease in this instance
   */
  public Connection connection() {
    return current().connection();
  }

  /**
   * The fencing token of the running sync's lease: it grows by one at every acquisition, so it
   * numbers the lease epochs (for an audit column, or for fencing writes outside this database).
   *
   * @throws IllegalStateException when no run holds the lease in this instance
   */
  public long fencingToken() {
    return current().token();
  }

  private LeaseRun current() {
    LeaseRun r = run;
    if (r == null) {
      throw new IllegalStateException(
          "no CatalogSync run holds the lease of " + this + ": call this from its handler");
    }
    return r;
  }

  @Override
  public @Nullable SyncCheckpoint load() throws IOException {
    LeaseRun r = run;
    if (r != null) {
      return r.load();
    }
    try (Connection c = dataSource.getConnection()) {
      return LeaseRun.read(this, c);
    } catch (SQLException e) {
      throw new IOException("could not read the checkpoint " + syncName + " from " + table, e);
    }
  }

  /**
   * Saves the checkpoint in the run's transaction and commits it with the rows the handler wrote,
   * if and only if this run's fencing token is still the newest; otherwise rolls them back and
   * throws {@link CheckpointLeaseException} ({@code LOST}).
   */
  @Override
  public void save(SyncCheckpoint checkpoint) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint == null");
    LeaseRun r = run;
    if (r == null) {
      throw new IOException(
          "a checkpoint is saved only by a run holding the lease of " + this + " (call lock())");
    }
    r.save(checkpoint);
  }

  /** Who this instance is in the table's {@code lease_holder} column. */
  public String instanceId() {
    return instanceId;
  }

  @Override
  public String toString() {
    return "JdbcCheckpointStore{" + table + ", sync=" + syncName + ", instance=" + instanceId + "}";
  }

  static PreparedStatement prepare(Connection c, String sql, @Nullable Object... values)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, Types.VARCHAR); // only the checkpoint's text columns are ever null
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  /** Configures a {@link JdbcCheckpointStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = JdbcSchema.SYNC_CHECKPOINTS;
    private String syncName = "catalog";
    private @Nullable String instanceId;
    private Duration leaseDuration = Duration.ofSeconds(30);

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** The table (default {@code hirfa_sync_checkpoints}), optionally schema-qualified. */
    public Builder table(String table) {
      this.table = JdbcSchema.tableName("table", table);
      return this;
    }

    /** The row of this sync (default {@code catalog}): two syncs of two catalogs need two names. */
    public Builder syncName(String name) {
      if (name == null || name.isBlank() || name.length() > 100) {
        throw new ValidationException("syncName", "must be 1 to 100 characters");
      }
      this.syncName = name;
      return this;
    }

    /**
     * How this instance appears as the lease holder (default {@code instance-<random UUID>}): a
     * host name and process id make the table easier to read. At most 200 characters.
     */
    public Builder instanceId(String id) {
      if (id == null || id.isBlank() || id.length() > 200) {
        throw new ValidationException("instanceId", "must be 1 to 200 characters");
      }
      this.instanceId = id;
      return this;
    }

    /**
     * How long a lease lasts without renewal (default 30 seconds, at least 1 second): a crashed
     * holder is replaced after this long. The holder renews it every third of it.
     */
    public Builder leaseDuration(Duration duration) {
      Objects.requireNonNull(duration, "duration == null");
      if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new ValidationException(
            "leaseDuration", "must be at least 1 second but was " + duration);
      }
      this.leaseDuration = duration;
      return this;
    }

    public JdbcCheckpointStore build() {
      return new JdbcCheckpointStore(this);
    }
  }
}
