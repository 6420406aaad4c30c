package ma.hirfa.sdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Which failed attempts the SDK repeats, and how long it waits in between.
 *
 * <h2>What is retried</h2>
 *
 * Connection failures and the statuses 408, 425, 429, 500, 502, 503 and 504 (and 409 {@code
 * idempotency_key_in_use}), but only for calls that are safe to repeat: GET, HEAD, PUT, DELETE and
 * OPTIONS, and POST or PATCH requests that carry an {@code Idempotency-Key}. The SDK mints that key
 * once, before the first attempt, and sends the same key on every attempt, so the API can never
 * create two payments for one call. A 4xx other than those is never retried.
 *
 * <h2>How long it waits</h2>
 *
 * Exponential back-off with full jitter: before retry {@code n} (1-based) the SDK waits a random
 * duration between zero and {@code min(maxBackoff, initialBackoff × 2^(n-1))}. When the API sends
 * {@code Retry-After} (seconds or an HTTP date) the SDK waits that long instead, but never longer
 * than {@link #maxRetryAfter()}. No retry starts if its wait would end after the call's deadline.
 *
 * <h2>Retry budget</h2>
 *
 * A client holds at most {@link #budgetTokens()} retry tokens; each retry spends one. A call that
 * succeeds at its first attempt earns back {@link #budgetRefillPerSuccess()}; a call that succeeds
 * after retries gets back what it spent, since its retries did their job. When the tokens run out,
 * failures are returned at once instead of being retried, so an outage (where retries fail) cannot
 * turn into a retry storm, while faults that retries absorb never exhaust the budget.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(5)
 *     .initialBackoff(Duration.ofMillis(200))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final int budgetTokens;
  private final double budgetRefillPerSuccess;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.budgetTokens = b.budgetTokens;
    this.budgetRefillPerSuccess = b.budgetRefillPerSuccess;
  }

  /** 3 attempts, 500 ms initial back-off, 8 s cap, {@code Retry-After} capped at 30 s. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** A policy that makes exactly one attempt. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts per call, the first included; 1 disables retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} the SDK honours; a longer one is cut to this. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The retries a client may bank; 0 disables the budget (retries are then unlimited). */
  public int budgetTokens() {
    return budgetTokens;
  }

  /** The fraction of a retry token earned back by each successful call. */
  public double budgetRefillPerSuccess() {
    return budgetRefillPerSuccess;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff)
        && maxRetryAfter.equals(p.maxRetryAfter)
        && budgetTokens == p.budgetTokens
        && Double.compare(budgetRefillPerSuccess, p.budgetRefillPerSuccess) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        maxRetryAfter,
        budgetTokens,
        budgetRefillPerSuccess);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", budgetTokens="
        + budgetTokens
        + ", budgetRefillPerSuccess="
        + budgetRefillPerSuccess
        + '}';
  }

  /** Builds a {@link RetryPolicy}; each setter validates its value and names it when refused. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private int budgetTokens = 20;
    private double budgetRefillPerSuccess = 0.2;

    private Builder() {}

    private Builder(RetryPolicy p) {
      this.maxAttempts = p.maxAttempts;
      this.initialBackoff = p.initialBackoff;
      this.maxBackoff = p.maxBackoff;
      this.maxRetryAfter = p.maxRetryAfter;
      this.budgetTokens = p.budgetTokens;
      this.budgetRefillPerSuccess = p.budgetRefillPerSuccess;
    }

    /** Between 1 and 10; default 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new ValidationException(
            "retryPolicy.maxAttempts", "must be between 1 and 10 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Positive; default 500 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Durations.positive("retryPolicy.initialBackoff", initialBackoff);
      return this;
    }

    /** Positive; default 8 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive("retryPolicy.maxBackoff", maxBackoff);
      return this;
    }

    /** Zero or more; default 30 s. Zero ignores {@code Retry-After} and uses the back-off. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Durations.nonNegative("retryPolicy.maxRetryAfter", maxRetryAfter);
      return this;
    }

    /**
     * The retry budget: at most {@code tokens} banked retries (0 disables the budget), each call
     * that succeeds at its first attempt refilling {@code refillPerSuccess} of a token, and each
     * call that succeeds after retries refunding them. Default 20 and 0.2: in an outage, retries
     * that fail stay under 20 plus a fifth of the calls that succeeded.
     */
    public Builder budget(int tokens, double refillPerSuccess) {
      if (tokens < 0 || tokens > 1_000_000) {
        throw new ValidationException(
            "retryPolicy.budgetTokens", "must be between 0 and 1000000 but was " + tokens);
      }
      if (!(refillPerSuccess >= 0 && refillPerSuccess <= 1)) {
        throw new ValidationException(
            "retryPolicy.budgetRefillPerSuccess",
            "must be between 0 and 1 but was " + refillPerSuccess);
      }
      this.budgetTokens = tokens;
      this.budgetRefillPerSuccess = refillPerSuccess;
      return this;
    }

    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new ValidationException(
            "retryPolicy.initialBackoff",
            "must not exceed maxBackoff (" + maxBackoff + ") but was " + initialBackoff);
      }
      return new RetryPolicy(this);
    }
  }
}
