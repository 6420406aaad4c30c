package ma.hirfa.sdk.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog promises C1 to C4 (see {@code docs/guides/ecommerce.md}) under generated histories:
 * creates, updates, deletes, re-creations and large products; cut exports (at any byte, inside the
 * closing line), exports without headers, replayed, shuffled, stalled and thin feed pages, expired
 * cursors, rate-limit storms, resets and truncated pages; crashes in the handler, between handler
 * and checkpoint and before the first import checkpoint. 500 histories by default; {@code
 * -Dhirfa.convergence.histories=N} for more, {@code -Dhirfa.convergence.seed=S} to replay one.
 */
class CatalogConvergencePropertyTest {
  private static final int HISTORIES = Integer.getInteger("hirfa.convergence.histories", 500);
  private static final long FIRST_SEED = Long.getLong("hirfa.convergence.seed", 20_261_201L);
  private static final int PER_SANDBOX = 100;

  @TempDir Path dir;

  @Test
  void everyHistoryConvergesWithinItsBudgetsAndEveryFailureSaysWhatToDo() throws Exception {
    Map<String, Integer> tally = new TreeMap<>();
    long t0 = System.nanoTime();
    for (int from = 0; from < HISTORIES; from += PER_SANDBOX) {
      try (Sandbox sandbox = Sandbox.builder().catalogSize(25).seed(FIRST_SEED + from).start();
          CatalogEditor editor = new CatalogEditor(sandbox, FIRST_SEED + from)) {
        for (int i = from; i < Math.min(HISTORIES, from + PER_SANDBOX); i++) {
          new ConvergenceHistory(sandbox, editor, FIRST_SEED + from, FIRST_SEED + i, dir, tally)
              .play();
          tally.merge("histories", 1, Integer::sum);
          tally.merge(
              "products at the end, summed", sandbox.catalog().productCount(), Integer::sum);
        }
      }
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    System.out.println("Convergence: " + HISTORIES + " histories in " + seconds + " s: " + tally);
  }
}
