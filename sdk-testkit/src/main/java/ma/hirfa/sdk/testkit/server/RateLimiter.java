package ma.hirfa.sdk.testkit.server;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A fixed-window quota per API key, announcing itself in {@code RateLimit-*} headers. Windows run
 * on real (monotonic) time, not on the sandbox clock: a quota is about load, and a test that
 * freezes or jumps the sandbox clock must not freeze or reset it.
 */
public final class RateLimiter {
  /** The state of the caller's window after this request. */
  public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

  private final LongSupplier nanoTime;
  private final int limit;
  private final Duration window;

  @GuardedBy("this")
  private final Map<String, long[]> windows = new HashMap<>();

  public RateLimiter(LongSupplier nanoTime, int limit, Duration window) {
    this.nanoTime = nanoTime;
    this.limit = limit;
    this.window = window;
  }

  public synchronized Decision acquire(String apiKey) {
    long now = nanoTime.getAsLong() / 1_000_000;
    long[] w = windows.computeIfAbsent(apiKey, k -> new long[] {now, 0});
    if (now - w[0] >= window.toMillis()) {
      w[0] = now;
      w[1] = 0;
    }
    long resetSeconds = Math.max(1, (w[0] + window.toMillis() - now + 999) / 1000);
    if (w[1] >= limit) {
      return new Decision(false, limit, 0, resetSeconds);
    }
    w[1]++;
    return new Decision(true, limit, (int) (limit - w[1]), resetSeconds);
  }
}
