package ma.hirfa.sdk.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. The SDK never calls {@link Thread#sleep} directly: it asks the sleeper
 * configured on {@link ClientOptions.Builder#sleeper(Sleeper)}, so that tests can record the
 * back-off delays instead of waiting for them.
 *
 * <p>A test sleeper usually records the delays, or advances a fake clock by them:
 *
 * <pre>{@code
 * List<Duration> waited = new CopyOnWriteArrayList<>();
 * Sleeper sleeper = waited::add;
 * ClientOptions options = ClientOptions.builder().apiKey("sk_test_x").sleeper(sleeper).build();
 * }</pre>
 *
 * <p>{@code hirfa-sdk-testkit} ships both halves: {@code ma.hirfa.sdk.testkit.FakeClock}, and
 * {@code ma.hirfa.sdk.testkit.RecordingSleeper}, which records each back-off and advances that
 * clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper, backed by {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns a future completed after {@code duration}, without blocking any thread; used by the
   * asynchronous calls. The default implementation uses the JDK's delayed executor for real
   * sleepers and runs {@link #sleep} inline for any other, so a fake sleeper also controls
   * asynchronous back-off.
   */
  default CompletableFuture<Void> delay(Duration duration) {
    if (this == SYSTEM) {
      return CompletableFuture.runAsync(
          () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
    }
    try {
      sleep(duration);
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }
}
