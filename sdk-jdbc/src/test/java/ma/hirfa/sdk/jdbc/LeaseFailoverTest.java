package ma.hirfa.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise C2 with several instances: four processes run the same {@code CatalogSync} on one
 * database ({@link JdbcCheckpointStore} and the transactional {@link ShopTable} handler) while the
 * test kills them ({@code SIGKILL}) and freezes the lease holder ({@code SIGSTOP} for longer than
 * its lease, then {@code SIGCONT}) at random, and the catalog changes meanwhile. In the end the
 * shop equals the catalog, no change was applied twice within one lease epoch (nor committed twice
 * at all: the rows commit with the checkpoint), and the frozen holders' writes were fenced.
 *
 * <p>CI size: 20,000 products, 30 seconds of chaos; {@code -Dhirfa.jdbc.big=true}: 200,000 and 120
 * seconds.
 */
class LeaseFailoverTest {
  private static final boolean BIG = Boolean.getBoolean("hirfa.jdbc.big");
  private static final int PRODUCTS = BIG ? 200_000 : 20_000;
  private static final Duration CHAOS = Duration.ofSeconds(BIG ? 120 : 30);
  private static final long LEASE_MS = 2_000;
  private static final int INSTANCES = 4;

  @TempDir Path logs;

  @Test
  void fourInstancesKilledAndFrozenAtRandomEndWithTheShopEqualToTheCatalog() throws Exception {
    String database = Postgres.createDatabase("failover");
    Random random = new Random(20_261_129L);
    try (Sandbox sandbox = Sandbox.builder().catalogSize(PRODUCTS).start();
        CatalogClient catalog =
            CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
        HikariDataSource db = Postgres.pool(database, 4)) {
      Postgres.run(db, Postgres.sdkSchema());
      Postgres.run(db, ShopTable.DDL);
      List<Process> nodes = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        nodes.add(start(i, 0, database, sandbox));
      }
      AtomicBoolean chaos = new AtomicBoolean(true);
      AtomicInteger edits = new AtomicInteger();
      Thread editor = new Thread(() -> edit(catalog, chaos, edits, new Random(7)));
      editor.start();
      int kills = 0;
      int freezes = 0;
      long end = System.nanoTime() + CHAOS.toNanos();
      int[] generation = new int[INSTANCES];
      while (System.nanoTime() < end) {
        Thread.sleep(800 + random.nextInt(1_500));
        int holder = holderIndex(db);
        int victim = holder >= 0 && random.nextBoolean() ? holder : random.nextInt(INSTANCES);
        if (holder >= 0 && random.nextInt(4) == 0) {
          signal(nodes.get(holder), "STOP"); // a long GC pause, a frozen VM
          Thread.sleep(LEASE_MS * 2 + random.nextInt(1_000));
          signal(nodes.get(holder), "CONT");
          freezes++;
        } else {
          nodes.get(victim).destroyForcibly().waitFor();
          kills++;
          Thread.sleep(random.nextInt(500));
          nodes.set(victim, start(victim, ++generation[victim], database, sandbox));
        }
      }
      chaos.set(false);
      editor.join();

      Map<String, Long> expected = sandbox.catalog().contents();
      // Convergence ends the wait: the deadline only bounds a failure (a loaded CI machine is
      // slow).
      long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
      while (!ShopTable.contents(db).equals(expected) && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      for (Process p : nodes) {
        p.destroyForcibly().waitFor();
      }
      String output = allLogs();
      System.out.printf(
          "%d products, %d edits, %d kills, %d freezes, %d lease epochs, %d fenced runs%n",
          PRODUCTS,
          edits.get(),
          kills,
          freezes,
          ShopTable.count(db, "SELECT max(lease_token) FROM hirfa_sync_checkpoints"),
          output.lines().filter(l -> l.contains("taken over")).count());

      assertThat(ShopTable.contents(db)).isEqualTo(expected);
      assertThat(
              ShopTable.count(
                  db,
                  "SELECT count(*) FROM (SELECT change_id, lease_token FROM shop_handled"
                      + " GROUP BY change_id, lease_token HAVING count(*) > 1) twice"))
          .as("changes applied twice within one lease epoch")
          .isZero();
      assertThat(
              ShopTable.count(
                  db,
                  "SELECT count(*) FROM (SELECT change_id FROM shop_handled"
                      + " GROUP BY change_id HAVING count(*) > 1) twice"))
          .as("changes committed twice across epochs")
          .isZero();
      assertThat(ShopTable.count(db, "SELECT max(lease_token) FROM hirfa_sync_checkpoints"))
          .isGreaterThan(kills / 2);
      assertThat(kills + freezes).isGreaterThan(5);
    }
  }

  private Process start(int index, int generation, String database, Sandbox sandbox)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    File log = logs.resolve("node-" + index + "-" + generation + ".log").toFile();
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classPath,
            SyncInstanceMain.class.getName(),
            Postgres.jdbcUrl(database),
            sandbox.baseUrl(),
            sandbox.apiKey(),
            "node-" + index + "." + generation,
            String.valueOf(LEASE_MS))
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }

  /** The index of the instance holding the lease now, or -1. */
  private static int holderIndex(HikariDataSource db) {
    String[] holder = {null};
    ShopTable.query(
        db,
        "SELECT lease_holder FROM hirfa_sync_checkpoints WHERE lease_expires_at > now()",
        r -> holder[0] = r.getString(1));
    if (holder[0] == null || !holder[0].startsWith("node-")) {
      return -1;
    }
    return Integer.parseInt(holder[0].substring(5, holder[0].indexOf('.')));
  }

  private static void signal(Process p, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
  }

  /** Artisans edit the catalog while the nodes fail: updates, deletions and new products. */
  private static void edit(
      CatalogClient catalog, AtomicBoolean chaos, AtomicInteger edits, Random r) {
    while (chaos.get()) {
      try {
        String id = String.format("prd_S%06d", r.nextInt(PRODUCTS));
        Product p = catalog.products().get(id);
        switch (r.nextInt(5)) {
          case 0 -> catalog.products().delete(id, ProductDeleteParams.anyVersion());
          case 1 ->
              catalog
                  .products()
                  .create(ProductCreateParams.from(p).sku("NEW-" + edits.get()).build());
          default ->
              catalog
                  .products()
                  .update(
                      p.id(), p.etag(), ProductUpdateParams.from(p).stock(p.stock() + 1).build());
        }
        edits.incrementAndGet();
        Thread.sleep(40);
      } catch (ma.hirfa.sdk.core.NotFoundException deleted) {
        // picked a product deleted earlier
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String allLogs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path f : files.sorted().toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }
}
