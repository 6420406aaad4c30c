package ma.hirfa.sdk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import ma.hirfa.sdk.core.Sleeper;

/**
 * A {@link Sleeper} that never waits: it records each back-off the SDK asks for and advances a
 * {@link FakeClock} by it, so a test of retries runs in milliseconds and can assert on the delays
 * ({@code Retry-After} honoured, exponential back-off, the budget). Thread-safe.
 *
 * <pre>{@code
 * sandbox.faults().status("POST", "/v1/payments", 503, 2);
 * client.payments().create(params);
 * assertThat(sleeper.sleeps()).hasSize(2);
 * }</pre>
 */
public final class RecordingSleeper implements Sleeper {
  private final FakeClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A sleeper that advances {@code clock} by each sleep. */
  public RecordingSleeper(FakeClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Records {@code duration} and advances the clock by it, at once. */
  @Override
  public void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    sleeps.add(duration);
    clock.advance(duration);
  }

  /** Every sleep asked for so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sum of {@link #sleeps()}. */
  public Duration total() {
    Duration total = Duration.ZERO;
    for (Duration d : sleeps) {
      total = total.plus(d);
    }
    return total;
  }
}
