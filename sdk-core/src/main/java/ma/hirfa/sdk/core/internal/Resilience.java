package ma.hirfa.sdk.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The resilience state of a client: the retry decider with its back-off and budget, and one
 * Resilience4j {@link CircuitBreaker} per API, fed once per call (see {@link CallState}). Shared by
 * a client and the variants derived from it while their policies are the same.
 */
final class Resilience {
  final String apiName;
  final RetryPolicy retryPolicy;
  final CircuitBreakerPolicy breakerPolicy;
  final @Nullable CircuitBreaker breaker;
  final RetryBudget budget;
  final RetryDecider decider;

  Resilience(String apiName, ClientOptions options) {
    this.apiName = apiName;
    this.retryPolicy = options.retryPolicy();
    this.breakerPolicy = options.circuitBreakerPolicy();
    this.budget = new RetryBudget(retryPolicy.budgetTokens(), retryPolicy.budgetRefillPerSuccess());
    this.decider = new RetryDecider(new Backoff(retryPolicy, options.random()), budget);
    this.breaker = breakerPolicy.enabled() ? breaker(apiName, breakerPolicy, options) : null;
  }

  boolean compatibleWith(ClientOptions options) {
    return retryPolicy.equals(options.retryPolicy())
        && breakerPolicy.equals(options.circuitBreakerPolicy());
  }

  /** Asks the breaker to let a new call through; always true without a breaker. */
  boolean permitCall() {
    return breaker == null || breaker.tryAcquirePermission();
  }

  /** Whether the breaker opened since the call started: the call makes no further attempt. */
  boolean openedMeanwhile() {
    return breaker != null
        && (breaker.getState() == CircuitBreaker.State.OPEN
            || breaker.getState() == CircuitBreaker.State.FORCED_OPEN);
  }

  /** Tells the breaker how a permitted call ended. */
  void recordCall(boolean apiFailed, long nanos) {
    if (breaker == null) {
      return;
    }
    if (apiFailed) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, new StopReason("call failed"));
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Gives back the permission of a call that was cancelled before it ended. */
  void releaseCall() {
    if (breaker != null) {
      breaker.releasePermission();
    }
  }

  /** Like {@code circuit breaker 'payments' is OPEN}. */
  String describeBreaker() {
    return breaker == null
        ? "no circuit breaker"
        : "circuit breaker '" + breaker.getName() + "' is " + breaker.getState();
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
            // Calls are classified before they reach the breaker: only those the runner reports
            // with onError count, and it reports only calls that ended in a 5xx, a timeout or a
            // connection failure after their retries.
            .recordException(e -> true)
            .clock(options.clock())
            .writableStackTraceEnabled(false)
            .build();
    return CircuitBreaker.of(name, config);
  }
}
