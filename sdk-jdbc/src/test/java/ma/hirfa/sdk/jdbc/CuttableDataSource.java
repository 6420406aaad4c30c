package ma.hirfa.sdk.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can die as a host does: {@link #cut()} ends the server side of every
 * connection it handed out and refuses new ones.
 */
final class CuttableDataSource implements DataSource {
  private final DataSource target;
  private final String url;
  private final List<Integer> backends = new ArrayList<>();
  private volatile boolean cut;

  CuttableDataSource(DataSource target) {
    this.target = target;
    this.url = null;
  }

  /** Connections from the driver at {@code url}, no pool (the child processes' data source). */
  CuttableDataSource(String url) {
    this.target = null;
    this.url = url;
  }

  private Connection open() throws SQLException {
    return url != null ? DriverManager.getConnection(url) : target.getConnection();
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (cut) {
      throw new SQLException("the host is down", "08001");
    }
    Connection c = open();
    if (url != null) {
      return c;
    }
    try (Statement s = c.createStatement();
        var r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      backends.add(r.getInt(1));
    }
    return c;
  }

  synchronized void cut() throws SQLException {
    cut = true;
    try (Connection c = open();
        Statement s = c.createStatement()) {
      for (int pid : backends) {
        s.execute("SELECT pg_terminate_backend(" + pid + ")");
      }
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not supported");
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(System.err);
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("cuttable");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
