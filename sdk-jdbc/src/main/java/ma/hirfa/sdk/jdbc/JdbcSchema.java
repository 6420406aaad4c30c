package ma.hirfa.sdk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.ValidationException;

/**
 * The tables of this module, created by the partner: the SDK never creates or alters a table by
 * itself. The versioned SQL files are in this jar under {@link #LOCATION} ({@code
 * V1__hirfa_sdk_jdbc.sql}, then one file per later version), so any migration tool can run them;
 * with Flyway, in its own history table so it never meets the application's migrations:
 *
 * <pre>{@code
 * Flyway.configure().dataSource(dataSource)
 *     .locations("classpath:ma/hirfa/sdk/jdbc/schema").table("hirfa_schema_history")
 *     .baselineOnMigrate(true).baselineVersion("0")   // a database that has other tables already
 *     .load().migrate();
 * }</pre>
 *
 * <p>Each store checks its table on first use (or at start-up with {@code checkSchema()}) and fails
 * with a {@link JdbcStoreException} naming the table and this file when it is missing.
 */
public final class JdbcSchema {
  /** The class-path folder of the SQL files. */
  public static final String LOCATION = "ma/hirfa/sdk/jdbc/schema";

  /** The first schema file: both tables. */
  public static final String V1 = LOCATION + "/V1__hirfa_sdk_jdbc.sql";

  /** The default table of {@link JdbcProcessedEvents}. */
  public static final String PROCESSED_EVENTS = "hirfa_processed_events";

  /** The default table of {@link JdbcCheckpointStore}. */
  public static final String SYNC_CHECKPOINTS = "hirfa_sync_checkpoints";

  /** A table name, optionally qualified by a schema: never quoted, never from user input. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private JdbcSchema() {}

  static String tableName(String field, String table) {
    if (table == null || !NAME.matcher(table).matches()) {
      throw new ValidationException(
          field, "must be a table name like hirfa_sync_checkpoints or app.hirfa_sync_checkpoints");
    }
    return table;
  }

  /**
   * Reads no row but every column the store uses, so a missing table or an older schema fails at
   * once with a message naming the file that creates it.
   */
  static void check(Connection c, String table, List<String> columns) {
    String sql = "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0";
    try (Statement s = c.createStatement()) {
      s.executeQuery(sql).close();
    } catch (SQLException e) {
      throw new JdbcStoreException(
          "the table "
              + table
              + " is missing or lacks a column ("
              + String.join(", ", columns)
              + "): create it with "
              + V1
              + " from hirfa-sdk-jdbc (your migration tool, or Flyway as in its Javadoc); the"
              + " database said: "
              + e.getMessage(),
          table,
          e);
    }
  }

  /** True for a unique-key violation: SQLState class 23 (integrity constraint), every database. */
  static boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
