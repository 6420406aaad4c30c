package ma.hirfa.sdk.jdbc;

import java.time.Duration;
import javax.sql.DataSource;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.SyncReport;

/**
 * One node of the partner's cluster, as its own process: runs the scheduled sync in a loop against
 * the shared database until it is killed. Prints one line per run.
 *
 * <p>Arguments: JDBC URL, sandbox base URL, API key, instance id, lease duration in ms.
 */
public final class SyncInstanceMain {
  private SyncInstanceMain() {}

  public static void main(String[] args) throws InterruptedException {
    DataSource db = new CuttableDataSource(args[0]);
    JdbcCheckpointStore store =
        JdbcCheckpointStore.builder(db)
            .instanceId(args[3])
            .leaseDuration(Duration.ofMillis(Long.parseLong(args[4])))
            .build();
    try (CatalogClient catalog = CatalogClient.builder().apiKey(args[2]).baseUrl(args[1]).build()) {
      CatalogSync sync =
          CatalogSync.builder(catalog)
              .checkpointStore(store)
              .heldProductIds(() -> ShopTable.heldIds(db))
              .handler(ShopTable.handler(store))
              .runBudget(Duration.ofSeconds(20))
              .build();
      while (true) {
        try {
          SyncReport r = sync.runUntilCaughtUp();
          System.out.println(
              "run "
                  + r.stop()
                  + " imported="
                  + r.imported()
                  + " changes="
                  + (r.upserts() + r.deletes()));
          Thread.sleep(r.stop() == SyncReport.Stop.LEASE_HELD ? 150 : 50);
        } catch (RuntimeException e) {
          System.out.println("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
          Thread.sleep(100);
        }
      }
    }
  }
}
