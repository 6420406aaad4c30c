package ma.hirfa.sdk.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicReferenceArray;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The Resilience4j side of a client: one {@link Retry} per attempt count (built on first use), one
 * {@link CircuitBreaker} per API, and the retry budget. Shared by a client and the variants derived
 * from it while their policies are the same.
 */
final class Resilience {
  final String apiName;
  final RetryPolicy retryPolicy;
  final CircuitBreakerPolicy breakerPolicy;
  final @Nullable CircuitBreaker breaker;
  final RetryBudget budget;
  final Backoff backoff;
  private final AtomicReferenceArray<Retry> retries = new AtomicReferenceArray<>(11);

  Resilience(String apiName, ClientOptions options) {
    this.apiName = apiName;
    this.retryPolicy = options.retryPolicy();
    this.breakerPolicy = options.circuitBreakerPolicy();
    this.budget = new RetryBudget(retryPolicy.budgetTokens(), retryPolicy.budgetRefillPerSuccess());
    this.backoff = new Backoff(retryPolicy, options.random());
    this.breaker = breakerPolicy.enabled() ? breaker(apiName, breakerPolicy, options) : null;
  }

  boolean compatibleWith(ClientOptions options) {
    return retryPolicy.equals(options.retryPolicy())
        && breakerPolicy.equals(options.circuitBreakerPolicy());
  }

  /** The Retry for calls allowed {@code maxAttempts} attempts. */
  Retry retry(int maxAttempts) {
    Retry retry = retries.get(maxAttempts);
    if (retry == null) {
      RetryConfig config =
          RetryConfig.<Outcome>custom()
              .maxAttempts(maxAttempts)
              .retryOnResult(Outcome::retryable)
              .intervalBiFunction(
                  (retryNumber, either) ->
                      backoff.delayMillis(
                          retryNumber, either.isRight() ? either.get().retryAfter : null))
              .failAfterMaxAttempts(false)
              .build();
      retries.compareAndSet(maxAttempts, null, Retry.of(apiName + "-" + maxAttempts, config));
      retry = retries.get(maxAttempts);
    }
    return retry;
  }

  private static CircuitBreaker breaker(
      String name, CircuitBreakerPolicy p, ClientOptions options) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(p.failureRatePercent())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(p.windowSize())
            .minimumNumberOfCalls(p.minimumCalls())
            .waitDurationInOpenState(p.openDuration())
            .permittedNumberOfCallsInHalfOpenState(p.halfOpenCalls())
            // Outcomes are classified before they reach the breaker: only those the runtime
            // reports with onError count, and it reports only 5xx, timeouts and connection
            // failures.
            .recordException(e -> true)
            .clock(options.clock())
            .writableStackTraceEnabled(false)
            .build();
    return CircuitBreaker.of(name, config);
  }
}
