package ma.hirfa.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ma.hirfa.sdk.catalog.CatalogChange;
import ma.hirfa.sdk.catalog.CatalogChangeHandler;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.testkit.CatalogView;

/**
 * The partner's rows in the tests: one row per product (deleted ones kept as tombstones with their
 * version), written by version in the sync's transaction, and an audit row per change handled with
 * the lease epoch (fencing token) that handled it.
 */
final class ShopTable {
  static final String DDL =
      """
      CREATE TABLE shop_products (
        id VARCHAR(64) PRIMARY KEY,
        version BIGINT NOT NULL,
        deleted BOOLEAN NOT NULL,
        digest BIGINT NOT NULL
      );
      CREATE TABLE shop_handled (
        change_id VARCHAR(200) NOT NULL,
        lease_token BIGINT NOT NULL,
        holder VARCHAR(200) NOT NULL
      );
      """;

  private ShopTable() {}

  /** The transactional handler: the product row and the audit row on the run's connection. */
  static CatalogChangeHandler handler(JdbcCheckpointStore store) {
    return change -> {
      Connection c = store.connection();
      boolean delete = change instanceof CatalogChange.Delete;
      long digest = change instanceof CatalogChange.Upsert u ? digest(u.product()) : 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO shop_products (id, version, deleted, digest) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version,"
                  + " deleted = EXCLUDED.deleted, digest = EXCLUDED.digest"
                  + " WHERE shop_products.version < EXCLUDED.version")) {
        s.setString(1, change.productId());
        s.setLong(2, change.version());
        s.setBoolean(3, delete);
        s.setLong(4, digest);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO shop_handled VALUES (?, ?, ?)")) {
        s.setString(1, change.changeId());
        s.setLong(2, store.fencingToken());
        s.setString(3, store.instanceId());
        s.executeUpdate();
      }
    };
  }

  static long digest(Product p) {
    return CatalogView.digest(
        p.id(),
        p.version(),
        p.sku(),
        p.statusAsString(),
        p.price().amountMinor(),
        p.stock(),
        p.title().asMap(),
        p.description() == null ? Map.of() : p.description().asMap());
  }

  /** The ids of the live products (for heldProductIds), read in one go. */
  static Stream<String> heldIds(DataSource ds) {
    List<String> ids = new ArrayList<>();
    query(ds, "SELECT id FROM shop_products WHERE NOT deleted", r -> ids.add(r.getString(1)));
    return ids.stream();
  }

  /** Live products by id with their digest, as {@link CatalogView#contents()} gives them. */
  static Map<String, Long> contents(DataSource ds) {
    Map<String, Long> out = new HashMap<>();
    query(
        ds,
        "SELECT id, digest FROM shop_products WHERE NOT deleted",
        r -> out.put(r.getString(1), r.getLong(2)));
    return out;
  }

  static long count(DataSource ds, String sql) {
    long[] n = {0};
    query(ds, sql, r -> n[0] = r.getLong(1));
    return n[0];
  }

  interface Row {
    void read(ResultSet r) throws SQLException;
  }

  static void query(DataSource ds, String sql, Row row) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        row.read(r);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
