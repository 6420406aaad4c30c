package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * The import's throughput into PostgreSQL (the transactional handler, rows and checkpoint in one
 * commit every 500 products), with one instance and with four racing for the lease: the numbers of
 * docs/guides/scaling.md, measured after an untimed warm-up import. 20,000 products in CI; {@code
 * -Dhirfa.jdbc.big=true}: 200,000.
 */
class ImportThroughputTest {
  private static final int PRODUCTS = Boolean.getBoolean("hirfa.jdbc.big") ? 200_000 : 20_000;

  @Test
  void importThroughputOfOneInstanceAndOfFourUnderTheLease() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(PRODUCTS).start();
        CatalogClient catalog =
            CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      try (HikariDataSource db = Postgres.withSchema("throughput_warmup", 4)) {
        // Untimed: the first import also warms the JIT, the sandbox and PostgreSQL, which would
        // otherwise make whichever is measured first look slower.
        Postgres.run(db, ShopTable.DDL);
        assertThat(sync(catalog, db, "warmup").runUntilCaughtUp().imported()).isEqualTo(PRODUCTS);
      }
      double one;
      try (HikariDataSource db = Postgres.withSchema("throughput_one", 4)) {
        Postgres.run(db, ShopTable.DDL);
        long started = System.nanoTime();
        SyncReport r = sync(catalog, db, "solo").runUntilCaughtUp();
        one = seconds(started);
        assertThat(r.imported()).isEqualTo(PRODUCTS);
        assertThat(ShopTable.count(db, "SELECT count(*) FROM shop_products")).isEqualTo(PRODUCTS);
      }
      double four;
      AtomicLong imported = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      try (HikariDataSource db = Postgres.withSchema("throughput_four", 12)) {
        Postgres.run(db, ShopTable.DDL);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          CatalogSync sync = sync(catalog, db, "node-" + i);
          runs.add(
              nodes.submit(
                  () -> {
                    while (ShopTable.count(db, "SELECT count(*) FROM shop_products") < PRODUCTS) {
                      SyncReport r = sync.runUntilCaughtUp();
                      imported.addAndGet(r.imported());
                      if (r.stop() == SyncReport.Stop.LEASE_HELD) {
                        refused.incrementAndGet();
                        Thread.sleep(100);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : runs) {
          f.get();
        }
        four = seconds(started);
        nodes.shutdown();
      }
      System.out.printf(
          "import of %d products into PostgreSQL: one instance %.1f s (%.0f products/s);"
              + " four under the lease %.1f s (%.0f products/s, %d runs refused by the lease)%n",
          PRODUCTS, one, PRODUCTS / one, four, PRODUCTS / four, refused.get());

      assertThat(imported.get()).as("one instance imported, once").isEqualTo(PRODUCTS);
      assertThat(refused.get()).isPositive();
    }
  }

  private static CatalogSync sync(CatalogClient catalog, HikariDataSource db, String node) {
    JdbcCheckpointStore store =
        JdbcCheckpointStore.builder(db)
            .instanceId(node)
            .leaseDuration(Duration.ofSeconds(10))
            .build();
    return CatalogSync.builder(catalog)
        .checkpointStore(store)
        .heldProductIds(() -> ShopTable.heldIds(db))
        .handler(ShopTable.handler(store))
        .build();
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
