package ma.hirfa.sdk.core.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the {@code webhook-id}s already accepted, so a captured message replayed within the
 * timestamp tolerance is refused. Senders retry with the same id, so a refused retry of a message
 * you already processed is expected: answer it with 2xx.
 *
 * <p>Across several receiver instances, implement this interface over a shared store (Redis {@code
 * SET NX PX}, a database unique key).
 */
@FunctionalInterface
public interface ReplayGuard {
  /**
   * Records {@code webhookId} and returns true if it had not been seen; false for a replay.
   * Implementations must be thread-safe.
   */
  boolean firstSeen(String webhookId, Instant timestamp);

  /**
   * An in-memory guard holding at most {@code maxEntries} ids, each for {@code window} (use at
   * least twice the verifier's tolerance). The oldest ids are evicted first.
   */
  static ReplayGuard inMemory(int maxEntries, Duration window, Clock clock) {
    return new InMemory(maxEntries, window, clock);
  }

  /** {@link #inMemory(int, Duration, Clock)} with 100,000 ids, 10 minutes and the system clock. */
  static ReplayGuard inMemory() {
    return new InMemory(100_000, Duration.ofMinutes(10), Clock.systemUTC());
  }

  /** The bounded in-memory guard: an insertion-ordered map pruned by age and size. */
  final class InMemory implements ReplayGuard {
    private final int maxEntries;
    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    private InMemory(int maxEntries, Duration window, Clock clock) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be positive but was " + maxEntries);
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive but was " + window);
      }
      this.maxEntries = maxEntries;
      this.window = window;
      this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public synchronized boolean firstSeen(String webhookId, Instant timestamp) {
      Instant now = clock.instant();
      Instant horizon = now.minus(window);
      Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Instant> oldest = it.next();
        if (oldest.getValue().isAfter(horizon) && seen.size() < maxEntries) {
          break;
        }
        it.remove();
      }
      return seen.putIfAbsent(webhookId, now) == null;
    }

    /** How many ids are remembered now. */
    public synchronized int size() {
      return seen.size();
    }
  }
}
