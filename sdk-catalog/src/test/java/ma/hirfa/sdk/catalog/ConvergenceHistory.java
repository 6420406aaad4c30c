package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.jspecify.annotations.Nullable;

/**
 * One generated history: a fresh shop and checkpoint, then runs of the sync as separate processes,
 * each preceded by catalog edits and misbehaviours of the server drawn from the seed, some ending
 * in a crash; then calm runs. CatalogChecks after each run that caught up without concurrent edits,
 * and at the end, that the shop equals the catalog by id, version and content (C1); that no run
 * took longer than its budget; and that every failure was either a crash or says what to do (C4).
 */
final class ConvergenceHistory {
  static final Duration BUDGET = Duration.ofSeconds(30);
  static final Duration SLACK = Duration.ofSeconds(2);
  static final long MAX_RESPONSE_BYTES = 64 * 1024;
  static final int LARGE_PRODUCT = 20_000;

  private final Sandbox sandbox;
  private final CatalogEditor editor;
  private final SplittableRandom random;
  private final long seed;
  private final Path dir;
  private final Map<String, Integer> tally;
  private final Shop shop = new Shop();
  private final StringBuilder log = new StringBuilder();
  private final long blockSeed;
  private CheckpointStore disk;
  private int crashAt;
  private int saveCrashAt;
  private int editAt;
  private int handled;
  private int saves;
  private boolean editedDuringRun;
  private boolean noImportCheckpoint;

  ConvergenceHistory(
      Sandbox sandbox,
      CatalogEditor editor,
      long blockSeed,
      long seed,
      Path dir,
      Map<String, Integer> tally) {
    this.sandbox = sandbox;
    this.blockSeed = blockSeed;
    this.editor = editor;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.dir = dir;
    this.tally = tally;
    this.disk =
        random.nextInt(10) == 0
            ? FileCheckpointStore.at(dir.resolve("history-" + seed + ".checkpoint"))
            : new InMemoryCheckpointStore();
  }

  /** Plays the history; an assertion error names the seed. */
  void play() throws IOException {
    sandbox.faults().clear();
    sandbox.catalogFaults().clear();
    int chaos = 1 + random.nextInt(6);
    for (int run = 0; run < chaos; run++) {
      int edits = random.nextInt(6);
      log.append("\n  ").append(edits).append(" edits");
      editor.randomEdits(edits, LARGE_PRODUCT);
      misbehave();
      maybeLoseTheCheckpoint();
      crashPoints(run == 0);
      runOnce(true);
    }
    sandbox.faults().clear();
    sandbox.catalogFaults().clear();
    crashAt = -1;
    saveCrashAt = -1;
    editAt = -1;
    noImportCheckpoint = false;
    for (int calm = 0; ; calm++) {
      SyncReport r = runOnce(false);
      if (r != null && r.caughtUp()) {
        break;
      }
      assertThat(calm).as("seed %d: calm runs to catch up", seed).isLessThan(5);
    }
    converged("after the calm runs");
  }

  /** Fails, with the difference and the history so far, unless the shop equals the catalog. */
  private void converged(String when) {
    Map<String, Long> expected = new TreeMap<>(sandbox.catalog().contents());
    Map<String, Long> actual = new TreeMap<>(shop.contents());
    if (expected.equals(actual)) {
      return;
    }
    StringBuilder diff = new StringBuilder();
    Set<String> ids = new TreeSet<>(expected.keySet());
    ids.addAll(actual.keySet());
    for (String id : ids) {
      if (!Objects.equals(expected.get(id), actual.get(id))) {
        Product held = shop.products.get(id);
        diff.append("\n  ")
            .append(id)
            .append(": catalog v")
            .append(sandbox.catalog().version(id))
            .append(", shop ")
            .append(held == null ? "none" : "v" + held.version())
            .append(
                shop.tombstones.containsKey(id)
                    ? " (tombstone v" + shop.tombstones.get(id) + ")"
                    : "");
      }
    }
    throw new AssertionError(
        "seed "
            + seed
            + ": the shop differs from the catalog "
            + when
            + " (replay: -Dhirfa.convergence.seed="
            + blockSeed
            + " -Dhirfa.convergence.histories="
            + (seed - blockSeed + 1)
            + "):"
            + diff
            + "\nhistory:"
            + log);
  }

  private void misbehave() {
    if (chance(30)) {
      count("export cut at a byte");
      sandbox.catalogFaults().cutExportAt(random.nextLong(40_000));
    }
    if (chance(10)) {
      count("export cut in its closing line");
      sandbox.catalogFaults().cutExportBeforeEnd(1 + random.nextInt(40));
    }
    if (chance(10)) {
      count("export without headers");
      sandbox.catalogFaults().omitExportHeaders(1 + random.nextInt(3));
    }
    sandbox.catalogFaults().spacedClosingLine(chance(20));
    if (chance(20)) {
      count("replayed feed pages");
      sandbox.catalogFaults().replayFeedPages(1 + random.nextInt(3));
    }
    if (chance(20)) {
      count("shuffled feed pages");
      sandbox.catalogFaults().shuffleFeedPages(1 + random.nextInt(5));
    }
    if (chance(10)) {
      count("stalled feed");
      sandbox.catalogFaults().stallFeed(1 + random.nextInt(8));
    }
    if (chance(20)) {
      count("thin changes");
      sandbox.catalogFaults().thinChanges(1 + random.nextInt(3));
    }
    if (chance(10)) {
      count("expired cursors");
      sandbox.catalogFaults().expireCursors();
    }
    if (chance(15)) {
      count("rate-limit storm");
      Duration retryAfter = chance(50) ? null : Duration.ofSeconds(1 + random.nextInt(3));
      // Only the sync's reads: the artisans' edits (GET then PUT a product) keep working.
      String path = chance(50) ? "/v1/products/changes" : "/v1/products/export";
      sandbox.faults().rateLimited("GET", path, retryAfter, 1 + random.nextInt(12));
    }
    if (chance(10)) {
      count("connection resets");
      sandbox
          .faults()
          .resetBefore(
              "GET",
              chance(50) ? "/v1/products/changes" : "/v1/products/export",
              1 + random.nextInt(4));
    }
    if (chance(5)) {
      count("truncated feed page");
      sandbox.faults().truncated("GET", "/v1/products/changes", 1);
    }
  }

  /** The operator deletes the checkpoint (a new disk, a wiped volume) but keeps the store. */
  private void maybeLoseTheCheckpoint() throws IOException {
    if (chance(3)) {
      count("checkpoint lost");
      if (disk instanceof FileCheckpointStore) {
        java.nio.file.Files.deleteIfExists(dir.resolve("history-" + seed + ".checkpoint"));
      } else {
        disk = new InMemoryCheckpointStore();
      }
    }
  }

  private void crashPoints(boolean firstRun) {
    crashAt = -1;
    saveCrashAt = -1;
    noImportCheckpoint = false;
    editAt = chance(30) ? random.nextInt(60) : -1;
    int kind = random.nextInt(firstRun ? 5 : 4);
    if (kind == 0) {
      count("crash in the handler");
      crashAt = 1 + random.nextInt(80);
    } else if (kind == 1) {
      count("crash between handler and checkpoint");
      saveCrashAt = 1 + random.nextInt(6);
    } else if (kind == 4) {
      count("crash before the first import checkpoint");
      crashAt = 1 + random.nextInt(30);
      noImportCheckpoint = true;
    }
  }

  /** One run as a fresh process; null when it crashed or failed. */
  private @Nullable SyncReport runOnce(boolean chaos) throws IOException {
    log.append("\n  ").append(chaos ? "chaos" : "calm").append(" run");
    handled = 0;
    saves = 0;
    editedDuringRun = false;
    SkewedTime time = new SkewedTime();
    try (CatalogClient catalog =
        CatalogClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(
                o ->
                    o.clock(time)
                        .sleeper(time)
                        .maxResponseBytes(MAX_RESPONSE_BYTES)
                        .circuitBreakerPolicy(CircuitBreakerPolicy.disabled()))
            .build()) {
      CatalogSync sync =
          CatalogSync.builder(catalog)
              .checkpointStore(new CrashingStore())
              .heldProductIds(shop::ids)
              .pageSize(chance(25) ? 1 + random.nextInt(5) : 20 + random.nextInt(81))
              .checkpointEvery(noImportCheckpoint ? 10_000 : 1 + random.nextInt(200))
              .prefetch(random.nextBoolean())
              .runBudget(BUDGET)
              .handler(this::handle)
              .build();
      Instant started = time.instant();
      long realStart = System.nanoTime();
      try {
        SyncReport report = sync.runUntilCaughtUp();
        tally.merge("runs", 1, Integer::sum);
        if (!report.caughtUp()) {
          count("run stopped: " + report.stop());
        }
        if (report.reimport() != null) {
          count("re-import: " + report.reimport());
        }
        log.append("\n  run: ").append(report);
        if (report.caughtUp() && !editedDuringRun) {
          converged("after a run that caught up");
        }
        return report;
      } catch (CatalogSyncTest.Crash crash) {
        log.append("\n  run: crashed");
        tally.merge("runs", 1, Integer::sum);
        return null;
      } catch (CatalogSyncException e) {
        tally.merge("runs", 1, Integer::sum);
        count("failed run: " + e.remedy());
        log.append("\n  run failed: ").append(e.getMessage());
        assertThat(e.getMessage()).as("seed %d: says what to do", seed).contains("What to do: ");
        assertThat(e.remedy())
            .as("seed %d: only transient failures here: %s", seed, e)
            .isEqualTo(CatalogSyncException.Remedy.RUN_AGAIN);
        return null;
      } catch (HirfaException e) {
        throw new AssertionError("seed " + seed + ": an unclassified failure leaked", e);
      } finally {
        Duration took = Duration.between(started, time.instant());
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        assertThat(took)
            .as("seed %d: the run kept its budget", seed)
            .isLessThan(BUDGET.plus(SLACK));
        assertThat(real).as("seed %d: real time", seed).isLessThan(BUDGET.plus(SLACK));
      }
    }
  }

  private void handle(CatalogChange change) {
    handled++;
    if (handled == crashAt) {
      throw new CatalogSyncTest.Crash();
    }
    if (handled == editAt) {
      editedDuringRun = true;
      count("edits during a run");
      editor.randomEdits(1 + random.nextInt(2), LARGE_PRODUCT);
    }
    shop.apply(change);
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private void count(String what) {
    tally.merge(what, 1, Integer::sum);
    log.append("\n  ").append(what);
  }

  /** The history's store; the save numbered {@code saveCrashAt} dies before writing. */
  private final class CrashingStore implements CheckpointStore {
    @Override
    public @Nullable SyncCheckpoint load() throws IOException {
      return disk.load();
    }

    @Override
    public void save(SyncCheckpoint checkpoint) throws IOException {
      if (++saves == saveCrashAt) {
        throw new CatalogSyncTest.Crash(); // what the handler did is applied, the position lost
      }
      disk.save(checkpoint);
    }

    @Override
    public Closeable lock() throws IOException {
      return disk.lock();
    }
  }
}
