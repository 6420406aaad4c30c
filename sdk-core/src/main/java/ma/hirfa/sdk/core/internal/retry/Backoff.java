package ma.hirfa.sdk.core.internal.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;
import ma.hirfa.sdk.core.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Computes the wait before a retry: {@code Retry-After} when sent (capped), else full jitter.
 *
 * <p>Internal: public only for {@link #parseRetryAfter}, which the call engine in {@code
 * internal.http} reads responses with; not an API.
 */
public final class Backoff {
  private final RetryPolicy policy;
  private final RandomGenerator random;

  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** The wait in milliseconds before retry number {@code retry} (1-based). */
  long delayMillis(int retry, @Nullable Duration retryAfter) {
    Duration cap = policy.maxRetryAfter();
    if (retryAfter != null && !cap.isZero()) {
      return Math.min(retryAfter.toMillis(), cap.toMillis());
    }
    long base = policy.initialBackoff().toMillis();
    long ceiling = policy.maxBackoff().toMillis();
    // base * 2^(retry-1), saturating well before overflow.
    long exponential = retry >= 31 ? ceiling : Math.min(ceiling, base << Math.max(0, retry - 1));
    // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): spreads the retries of
    // many clients hit by the same outage instead of synchronising them.
    return exponential <= 0 ? 0 : (long) (random.nextDouble() * (exponential + 1));
  }

  /**
   * The wait before poll number {@code poll} (1-based) of a request whose idempotency key is still
   * in use by an attempt the API is processing: {@code Retry-After} when sent, else exponential
   * with equal jitter, so polls never come back-to-back however unlucky the draw.
   */
  long pollMillis(int poll, @Nullable Duration retryAfter) {
    Duration cap = policy.maxRetryAfter();
    if (retryAfter != null && !cap.isZero()) {
      return Math.min(retryAfter.toMillis(), cap.toMillis());
    }
    long base = policy.initialBackoff().toMillis();
    long ceiling = policy.maxBackoff().toMillis();
    long exponential = poll >= 31 ? ceiling : Math.min(ceiling, base << Math.max(0, poll - 1));
    long half = exponential / 2;
    return half + (long) (random.nextDouble() * (exponential - half + 1));
  }

  /**
   * Parses {@code Retry-After}: delta-seconds or an HTTP date (RFC 9110), relative to {@code
   * clock}. Returns null when absent or unparseable; a date in the past gives zero.
   */
  public static @Nullable Duration parseRetryAfter(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 9) {
        return Duration.ofDays(1);
      }
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
