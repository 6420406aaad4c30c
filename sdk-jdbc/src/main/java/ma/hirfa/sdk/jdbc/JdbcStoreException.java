package ma.hirfa.sdk.jdbc;

import java.sql.SQLException;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC store could not read or write its table: the database refused a statement, a connection
 * broke, or the table does not exist ({@link #missingTable()}, whose message names the SQL file
 * that creates it). Nothing is recorded when it is thrown: an event is not marked processed, a
 * checkpoint not saved, and the application's writes in the same transaction are rolled back.
 */
public final class JdbcStoreException extends HirfaException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String missingTable;

  JdbcStoreException(String message, @Nullable String missingTable, @Nullable Throwable cause) {
    super(message, null, cause);
    this.missingTable = missingTable;
  }

  static JdbcStoreException of(String doing, SQLException e) {
    return new JdbcStoreException(
        "could not "
            + doing
            + ": "
            + e.getClass().getSimpleName()
            + " (SQLState "
            + e.getSQLState()
            + "): "
            + e.getMessage(),
        null,
        e);
  }

  /** The table this store needs and the database does not have, or null for other failures. */
  public @Nullable String missingTable() {
    return missingTable;
  }
}
