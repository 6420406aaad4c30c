package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CatalogSync against the sandbox: import, feed, crashes, restarts and rate limits. */
class CatalogSyncTest {
  @TempDir Path dir;

  /** The partner's copy of the catalog. */
  static final class Replica {
    final Map<String, Product> products = new HashMap<>();
    final Set<String> seen = new HashSet<>();
    int replayed;

    void apply(CatalogChange change) {
      if (!seen.add(change.changeId())) {
        replayed++;
      }
      if (change instanceof CatalogChange.Upsert u) {
        products.put(u.productId(), u.product());
      } else {
        products.remove(change.productId());
      }
    }

    long checksum() {
      return products.values().stream().mapToLong(CatalogClientTest::digest).sum();
    }
  }

  /** Thrown by the test to stand for the process dying at that point. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  @Test
  void aFirstRunImportsEverythingThenARunFollowsTheFeedToTheSameState() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(2_000).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      Replica replica = new Replica();
      CheckpointStore store = new InMemoryCheckpointStore();
      CatalogSync sync =
          CatalogSync.builder(catalog).checkpointStore(store).handler(replica::apply).build();

      SyncReport first = sync.runUntilCaughtUp();
      assertThat(first.imported()).isEqualTo(2_000);
      assertThat(replica.checksum()).isEqualTo(sandbox.catalog().checksum());

      Mutator m = new Mutator(sandbox, 1);
      m.mutate(25);
      SyncReport second = sync.runUntilCaughtUp();
      assertThat(second.imported()).isZero();
      assertThat(second.upserts() + second.deletes()).isEqualTo(25);
      assertThat(replica.products).hasSize(sandbox.catalog().productCount());
      assertThat(replica.checksum()).isEqualTo(sandbox.catalog().checksum());
      m.close();
    }
  }

  @Test
  void killedAtRandomPointsTwentyFiveTimesItEndsWithExactlyTheSandboxState() throws Exception {
    SplittableRandom random = new SplittableRandom(20_261_129);
    try (Sandbox sandbox = Sandbox.builder().catalogSize(3_000).start();
        Mutator m = new Mutator(sandbox, 2)) {
      Replica replica = new Replica();
      Path checkpoint = dir.resolve("sync.checkpoint");
      int crashes = 0;
      int runs = 0;
      while (runs < 300) {
        runs++;
        // Each run is a fresh process: a new client, a new sync, the checkpoint from disk.
        boolean crashThisRun = crashes < 25;
        int mutations = 5 + random.nextInt(10);
        CheckpointStore disk = FileCheckpointStore.at(checkpoint);
        SyncCheckpoint saved = disk.load();
        boolean importing = saved == null || saved.phase() == SyncCheckpoint.Phase.IMPORTING;
        // While importing (3,000 products) the crash falls anywhere in it, later in the feed.
        int crashAfter = crashThisRun ? 1 + random.nextInt(importing ? 1_500 : mutations) : -1;
        boolean crashInStore = random.nextBoolean();
        int[] handled = {0};
        CheckpointStore store =
            new CheckpointStore() {
              @Override
              public SyncCheckpoint load() throws java.io.IOException {
                return disk.load();
              }

              @Override
              public void save(SyncCheckpoint c) throws java.io.IOException {
                if (crashInStore && handled[0] >= crashAfter && crashAfter > 0) {
                  throw new Crash(); // the changes were applied; the checkpoint is lost
                }
                disk.save(c);
              }
            };
        try (CatalogClient catalog = CatalogClientTest.client(sandbox)) {
          CatalogSync sync =
              CatalogSync.builder(catalog)
                  .checkpointStore(store)
                  .pageSize(25)
                  .checkpointEvery(250)
                  .handler(
                      change -> {
                        if (!crashInStore && ++handled[0] == crashAfter) {
                          throw new Crash(); // dies before applying this change
                        }
                        if (crashInStore) {
                          handled[0]++;
                        }
                        replica.apply(change);
                      })
                  .build();
          m.mutate(mutations); // the catalog keeps changing between restarts
          sync.runUntilCaughtUp();
          if (!crashThisRun) {
            break;
          }
        } catch (Crash expected) {
          crashes++;
        }
      }
      assertThat(crashes).isGreaterThanOrEqualTo(20);
      assertThat(replica.products).hasSize(sandbox.catalog().productCount());
      assertThat(replica.checksum()).isEqualTo(sandbox.catalog().checksum());
      assertThat(replica.replayed).as("changes handed over again after a crash").isPositive();
    }
  }

  @Test
  void rateLimitBurstsSlowItDownWithoutFailingIt() {
    try (Sandbox sandbox =
            Sandbox.builder().catalogSize(100).rateLimit(4, Duration.ofSeconds(1)).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox);
        Mutator m = new Mutator(sandbox, 3)) {
      Replica replica = new Replica();
      CatalogSync sync =
          CatalogSync.builder(catalog)
              .checkpointStore(new InMemoryCheckpointStore())
              .pageSize(10)
              .handler(replica::apply)
              .build();
      sync.runUntilCaughtUp();
      m.createInOneBatch(60);

      SyncReport report = sync.runUntilCaughtUp();

      assertThat(report.rateLimitWaits()).isPositive();
      assertThat(report.feedPages()).isGreaterThanOrEqualTo(6);
      assertThat(replica.checksum()).isEqualTo(sandbox.catalog().checksum());
    }
  }

  @Test
  void aHandlerFailureStopsTheSyncBeforeTheChangeIsCheckpointed() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(50).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      InMemoryCheckpointStore store = new InMemoryCheckpointStore();
      CatalogSync failing =
          CatalogSync.builder(catalog)
              .checkpointStore(store)
              .handler(
                  c -> {
                    throw new java.io.IOException("disk full");
                  })
              .build();
      assertThatThrownBy(failing::runUntilCaughtUp)
          .isInstanceOfSatisfying(
              CatalogSync.SyncHandlerException.class,
              e -> assertThat(e.changeId()).startsWith("exp_prd_S000000_"));
      assertThat(store.load()).isNull();
    }
  }

  @Test
  void aSyncNeedsAStoreAndAHandler() {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(0).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      assertThatThrownBy(() -> CatalogSync.builder(catalog).handler(c -> {}).build())
          .isInstanceOfSatisfying(
              ma.hirfa.sdk.core.ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("checkpointStore"));
    }
  }

  /** Changes the catalog with its own API key (its own rate-limit quota). */
  static final class Mutator implements AutoCloseable {
    private final Sandbox sandbox;
    private final CatalogClient client;
    private final SplittableRandom random;
    private int created;

    Mutator(Sandbox sandbox, long seed) {
      this.sandbox = sandbox;
      this.client =
          CatalogClient.builder()
              .apiKey("sk_test_" + "mutator" + seed + "key")
              .baseUrl(sandbox.baseUrl())
              .configure(
                  o ->
                      o.retryPolicy(
                          RetryPolicy.builder()
                              .maxAttempts(10)
                              .initialBackoff(Duration.ofMillis(50))
                              .build()))
              .build();
      this.random = new SplittableRandom(seed);
    }

    /** Updates, deletes and creates products at random, {@code n} changes in all. */
    void mutate(int n) {
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(3);
        String id =
            "prd_S"
                + String.format("%6s", Integer.toString(random.nextInt(50), 36))
                    .replace(' ', '0')
                    .toUpperCase(java.util.Locale.ROOT);
        try {
          switch (kind) {
            case 0 -> {
              Product p = client.products().get(id);
              client
                  .products()
                  .update(p, p.toInput().price(p.price().plus(Money.parse("1.00", "MAD"))).build());
            }
            case 1 -> client.products().delete(id);
            default ->
                client
                    .products()
                    .create(
                        CatalogClientTest.kilim("MUT-" + sandbox.port() + "-" + created++).build());
          }
        } catch (NotFoundException alreadyDeleted) {
          client
              .products()
              .create(CatalogClientTest.kilim("MUT-" + sandbox.port() + "-" + created++).build());
        }
      }
    }

    /** Creates {@code n} products with one request (60 changes for one unit of quota). */
    void createInOneBatch(int n) {
      java.util.List<ProductInput> items = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(CatalogClientTest.kilim("MUT-" + sandbox.port() + "-" + created++).build());
      }
      assertThat(client.products().upsert(items).failed()).isEmpty();
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
