package ma.hirfa.sdk.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ma.hirfa.sdk.catalog.CatalogChange;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.jdbc.JdbcCheckpointStore;
import ma.hirfa.sdk.jdbc.JdbcProcessedEvents;
import ma.hirfa.sdk.payments.PaymentEvent;
import ma.hirfa.sdk.payments.PaymentEventParser;

/**
 * Several instances sharing one PostgreSQL database ({@code hirfa-sdk-jdbc}): the catalog import
 * run on every node under a lease, writing the shop's rows and the checkpoint in one transaction,
 * and webhooks applied once by whichever instance receives them, the order update committed with
 * the event id. Run by {@code SharedStateExampleTest} against an embedded PostgreSQL.
 */
public final class SharedStateExample {
  /** The partner's own tables (PostgreSQL), next to the SDK's (JdbcSchema.V1). */
  public static final String PARTNER_TABLES =
      """
      CREATE TABLE shop_products (
        id VARCHAR(64) PRIMARY KEY,
        version BIGINT NOT NULL,
        deleted BOOLEAN NOT NULL,
        sku VARCHAR(64),
        price_minor BIGINT,
        stock INT
      );
      CREATE TABLE orders (reference VARCHAR(64) PRIMARY KEY, status VARCHAR(16) NOT NULL);
      """;

  private SharedStateExample() {}

  // [snippet:transactionalSync]
  /** One scheduled run of the import on one node; every node runs the same. */
  static SyncReport syncOnThisNode(CatalogClient catalog, DataSource db, String node) {
    JdbcCheckpointStore store =
        JdbcCheckpointStore.builder(db)
            .instanceId(node) // who holds the lease, in hirfa_sync_checkpoints
            .leaseDuration(Duration.ofSeconds(30)) // a dead node is replaced after this long
            .build();
    return CatalogSync.builder(catalog)
        .checkpointStore(store)
        .heldProductIds(() -> liveProductIds(db))
        .handler(
            change -> {
              // The run's transaction: this row commits with the next checkpoint, or not at all.
              Connection tx = store.connection();
              try (PreparedStatement upsert =
                  tx.prepareStatement(
                      "INSERT INTO shop_products (id, version, deleted, sku, price_minor, stock)"
                          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                          + " version = EXCLUDED.version, deleted = EXCLUDED.deleted,"
                          + " sku = EXCLUDED.sku, price_minor = EXCLUDED.price_minor,"
                          + " stock = EXCLUDED.stock"
                          + " WHERE shop_products.version < EXCLUDED.version")) { // newer only
                upsert.setString(1, change.productId());
                upsert.setLong(2, change.version());
                if (change instanceof CatalogChange.Upsert u) {
                  upsert.setBoolean(3, false);
                  upsert.setString(4, u.product().sku());
                  upsert.setLong(5, u.product().price().amountMinor());
                  upsert.setInt(6, u.product().stock());
                } else {
                  upsert.setBoolean(3, true); // a tombstone, with the deletion's version
                  upsert.setNull(4, java.sql.Types.VARCHAR);
                  upsert.setNull(5, java.sql.Types.BIGINT);
                  upsert.setNull(6, java.sql.Types.INTEGER);
                }
                upsert.executeUpdate();
              }
            })
        .build()
        .runUntilCaughtUp(); // LEASE_HELD at once on the nodes that are not syncing now
  }

  /** The ids the shop holds, not deleted: a re-import removes those the catalog lost. */
  static Stream<String> liveProductIds(DataSource db) {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.getConnection();
        var rows =
            c.createStatement().executeQuery("SELECT id FROM shop_products WHERE NOT deleted")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the shop's product ids", e);
    }
    return ids.stream();
  }

  // [end]

  // [snippet:sharedProcessedEvents]
  /** One delivery on one instance; true if this delivery applied it. */
  static boolean receive(
      JdbcProcessedEvents processed, PaymentEventParser parser, WebhookMessage message)
      throws SQLException {
    return processed.processOnce(
        message,
        (m, tx) -> { // tx: the transaction that records m.id(); commit is the store's
          if (parser.parse(m) instanceof PaymentEvent.PaymentSucceeded e) {
            try (PreparedStatement paid =
                tx.prepareStatement("UPDATE orders SET status = 'paid' WHERE reference = ?")) {
              paid.setString(1, e.payment().orderReference());
              paid.executeUpdate();
            }
          }
        });
  }

  // [end]

}
