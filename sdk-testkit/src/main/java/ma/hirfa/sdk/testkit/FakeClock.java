package ma.hirfa.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;

/**
 * A clock that moves only when told, for the SDK's {@code ClientOptions.Builder.clock(Clock)} (and
 * anything else that reads a {@link Clock}) in tests: retry budgets, circuit-breaker windows and
 * {@code Retry-After} dates then follow the test, not the wall. Pair it with a {@link
 * RecordingSleeper}, which advances it instead of waiting. Thread-safe; always in UTC.
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock(Instant.parse("2026-11-02T09:00:00Z"));
 * RecordingSleeper sleeper = new RecordingSleeper(clock);
 * PaymentsClient client = PaymentsClient.builder()
 *     .apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
 *     .configure(o -> o.clock(clock).sleeper(sleeper))
 *     .build();
 * }</pre>
 */
public final class FakeClock extends Clock {
  private Instant now;

  /** A clock that reads {@code start} until it is advanced. */
  public FakeClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start == null");
  }

  /** A clock at 2026-11-02T09:00:00Z, a Monday morning. */
  public FakeClock() {
    this(Instant.parse("2026-11-02T09:00:00Z"));
  }

  /**
   * Moves the clock forward.
   *
   * @throws ValidationException if {@code duration} is negative
   */
  public synchronized void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new ValidationException("duration", "a fake clock only moves forward: " + duration);
    }
    now = now.plus(duration);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it reads in UTC whatever zone is asked for. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized String toString() {
    return "FakeClock[" + now + "]";
  }
}
