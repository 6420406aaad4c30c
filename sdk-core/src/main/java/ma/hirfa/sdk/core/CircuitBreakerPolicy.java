package ma.hirfa.sdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When a client stops calling an API that keeps failing. Each client holds one breaker per API, fed
 * with the outcome of every <em>call</em>, once, after its retries: a call that ended in a 5xx, a
 * timeout or a connection failure counts as a failure; any other end, a success after retries and
 * every 4xx (408 and 429 too) included, counts as a success. So faults the retries absorb (a lost
 * response, a 503 now and then) never open the breaker, nor can a caller's bad input or a rate
 * limit, while a dead API, where every call fails, opens it after {@link #minimumCalls()} calls.
 *
 * <p>Once at least {@link #minimumCalls()} calls were seen and {@link #failureRatePercent()} of the
 * last {@link #windowSize()} failed, the breaker opens: calls fail at once with {@link
 * CircuitOpenException} for {@link #openDuration()}, and a call in progress makes no further
 * attempt. Then {@link #halfOpenCalls()} trial calls go through; if enough succeed it closes again.
 * The evidence behind the defaults is in {@code docs/reliability.md} ({@code
 * CircuitBreakerEvidenceTest}).
 */
public final class CircuitBreakerPolicy {
  private static final CircuitBreakerPolicy DEFAULT = builder().build();

  private final boolean enabled;
  private final int failureRatePercent;
  private final int windowSize;
  private final int minimumCalls;
  private final Duration openDuration;
  private final int halfOpenCalls;

  private CircuitBreakerPolicy(Builder b) {
    this.enabled = b.enabled;
    this.failureRatePercent = b.failureRatePercent;
    this.windowSize = b.windowSize;
    this.minimumCalls = b.minimumCalls;
    this.openDuration = b.openDuration;
    this.halfOpenCalls = b.halfOpenCalls;
  }

  /** 50 % of the last 20 calls (at least 5 seen), open for 30 s, 3 trial calls. */
  public static CircuitBreakerPolicy defaults() {
    return DEFAULT;
  }

  /** A breaker that never opens. */
  public static CircuitBreakerPolicy disabled() {
    Builder b = builder();
    b.enabled = false;
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean enabled() {
    return enabled;
  }

  public int failureRatePercent() {
    return failureRatePercent;
  }

  public int windowSize() {
    return windowSize;
  }

  public int minimumCalls() {
    return minimumCalls;
  }

  public Duration openDuration() {
    return openDuration;
  }

  public int halfOpenCalls() {
    return halfOpenCalls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CircuitBreakerPolicy p
        && enabled == p.enabled
        && failureRatePercent == p.failureRatePercent
        && windowSize == p.windowSize
        && minimumCalls == p.minimumCalls
        && openDuration.equals(p.openDuration)
        && halfOpenCalls == p.halfOpenCalls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled, failureRatePercent, windowSize, minimumCalls, openDuration, halfOpenCalls);
  }

  @Override
  public String toString() {
    return enabled
        ? "CircuitBreakerPolicy{failureRatePercent="
            + failureRatePercent
            + ", windowSize="
            + windowSize
            + ", minimumCalls="
            + minimumCalls
            + ", openDuration="
            + openDuration
            + ", halfOpenCalls="
            + halfOpenCalls
            + '}'
        : "CircuitBreakerPolicy{disabled}";
  }

  /** Builds a {@link CircuitBreakerPolicy}. */
  public static final class Builder {
    private boolean enabled = true;
    private int failureRatePercent = 50;
    private int windowSize = 20;
    private int minimumCalls = 5;
    private Duration openDuration = Duration.ofSeconds(30);
    private int halfOpenCalls = 3;

    private Builder() {}

    /** 1 to 100; default 50. */
    public Builder failureRatePercent(int percent) {
      if (percent < 1 || percent > 100) {
        throw new ValidationException(
            "circuitBreaker.failureRatePercent", "must be between 1 and 100 but was " + percent);
      }
      this.failureRatePercent = percent;
      return this;
    }

    /** The number of recent calls the failure rate is computed over; 1 to 10,000, default 20. */
    public Builder windowSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new ValidationException(
            "circuitBreaker.windowSize", "must be between 1 and 10000 but was " + size);
      }
      this.windowSize = size;
      return this;
    }

    /** Calls seen before the rate is judged; 1 to 10,000, default 5. */
    public Builder minimumCalls(int calls) {
      if (calls < 1 || calls > 10_000) {
        throw new ValidationException(
            "circuitBreaker.minimumCalls", "must be between 1 and 10000 but was " + calls);
      }
      this.minimumCalls = calls;
      return this;
    }

    /** How long the breaker stays open; positive, default 30 s. */
    public Builder openDuration(Duration duration) {
      this.openDuration = Durations.positive("circuitBreaker.openDuration", duration);
      return this;
    }

    /** Trial calls let through when half open; 1 to 100, default 3. */
    public Builder halfOpenCalls(int calls) {
      if (calls < 1 || calls > 100) {
        throw new ValidationException(
            "circuitBreaker.halfOpenCalls", "must be between 1 and 100 but was " + calls);
      }
      this.halfOpenCalls = calls;
      return this;
    }

    public CircuitBreakerPolicy build() {
      return new CircuitBreakerPolicy(this);
    }
  }
}
