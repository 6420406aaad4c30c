package ma.hirfa.sdk.core.internal.retry;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The resilience state of a client: the retry decider with its back-off and budget, and one
 * Resilience4j {@link CircuitBreaker} per API, fed once per call (see {@code CallState}). Shared by
 * a client and the variants derived from it while their policies are the same.
 *
 * <p>Internal: public only for the call engine in {@code internal.http}; not an API.
 */
public final class Resilience {
  /** The API this state is for, like {@code payments}: the breaker's name. */
  public final String apiName;

  final RetryPolicy retryPolicy;
  final CircuitBreakerPolicy breakerPolicy;
  final RetryBudget budget;
  public final RetryDecider decider;
  private final ClientOptions options;

  /**
   * The breaker, created when it first has something to decide: the first call that fails, or that
   * succeeds more slowly than Resilience4j's slow-call threshold. Until then every call succeeded
   * quickly, the breaker would be {@code CLOSED} and would permit every call, so none is needed: a
   * fresh JVM's first call does not load Resilience4j (about 300 classes). When it is created, the
   * successes counted meanwhile are replayed into it, so its count-based window holds exactly what
   * an eager breaker's would.
   */
  private volatile @Nullable CircuitBreaker breaker;

  /** Quick successes before the breaker existed; {@link #SEALED} once it does. */
  private final AtomicLong earlySuccesses = new AtomicLong();

  private static final long SEALED = Long.MIN_VALUE;

  /** Resilience4j's default slow-call threshold (our config leaves it), in nanoseconds. */
  private static final long SLOW_CALL_NANOS =
      TimeUnit.SECONDS.toNanos(CircuitBreakerConfig.DEFAULT_SLOW_CALL_DURATION_THRESHOLD);

  public Resilience(String apiName, ClientOptions options) {
    this.apiName = apiName;
    this.retryPolicy = options.retryPolicy();
    this.breakerPolicy = options.circuitBreakerPolicy();
    this.options = options;
    this.budget = new RetryBudget(retryPolicy.budgetTokens(), retryPolicy.budgetRefillPerSuccess());
    this.decider = new RetryDecider(new Backoff(retryPolicy, options.random()), budget);
  }

  /** The breaker, created now if it was not yet; null without a breaker policy. */
  @Nullable CircuitBreaker breaker() {
    CircuitBreaker b = breaker;
    if (b != null || !breakerPolicy.enabled()) {
      return b;
    }
    synchronized (this) {
      if (breaker == null) {
        long early = earlySuccesses.getAndSet(SEALED);
        CircuitBreaker created = breaker(apiName, breakerPolicy, options);
        for (long i = Math.min(early, breakerPolicy.windowSize()); i > 0; i--) {
          created.onSuccess(0, TimeUnit.NANOSECONDS);
        }
        breaker = created;
      }
      return breaker;
    }
  }

  /** Whether the breaker was created (for tests: quick successes never create it). */
  boolean hasBreaker() {
    return breaker != null;
  }

  /** {@code DISABLED} without a breaker, else its state ({@code CLOSED} before it exists). */
  public String breakerState() {
    if (!breakerPolicy.enabled()) {
      return "DISABLED";
    }
    CircuitBreaker b = breaker;
    return b == null ? "CLOSED" : b.getState().name();
  }

  /** Whether a client with {@code options} may share this state (same policies). */
  public boolean compatibleWith(ClientOptions options) {
    return retryPolicy.equals(options.retryPolicy())
        && breakerPolicy.equals(options.circuitBreakerPolicy());
  }

  /** Asks the breaker to let a new call through; always true without a breaker. */
  public boolean permitCall() {
    CircuitBreaker b = breaker;
    return b == null || b.tryAcquirePermission();
  }

  /** Whether the breaker opened since the call started: the call makes no further attempt. */
  public boolean openedMeanwhile() {
    CircuitBreaker b = breaker;
    return b != null
        && (b.getState() == CircuitBreaker.State.OPEN
            || b.getState() == CircuitBreaker.State.FORCED_OPEN);
  }

  /** Tells the breaker how a permitted call ended. */
  public void recordCall(boolean apiFailed, long nanos) {
    if (!breakerPolicy.enabled()) {
      return;
    }
    CircuitBreaker b = breaker;
    if (b == null && !apiFailed && nanos < SLOW_CALL_NANOS) {
      for (long n = earlySuccesses.get(); n != SEALED; n = earlySuccesses.get()) {
        if (earlySuccesses.compareAndSet(n, n + 1)) {
          return;
        }
      }
    }
    if (b == null) {
      b = java.util.Objects.requireNonNull(breaker());
    }
    if (apiFailed) {
      b.onError(nanos, TimeUnit.NANOSECONDS, new StopReason("call failed"));
    } else {
      b.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Tells the retry budget that a call succeeded after spending {@code tokensSpent} tokens on
   * retries: they are refunded, or a first-attempt success earns back a fraction of one.
   */
  public void callSucceeded(int tokensSpent) {
    if (tokensSpent == 0) {
      budget.onSuccess();
    } else {
      budget.refund(tokensSpent);
    }
  }

  /** Retry tokens left in the budget. */
  public long retryTokens() {
    return budget.available();
  }

  /** Gives back the permission of a call that was cancelled before it ended. */
  public void releaseCall() {
    CircuitBreaker b = breaker; // none yet: the permission came from a closed breaker, a no-op
    if (b != null) {
      b.releasePermission();
    }
  }

  /** Like {@code circuit breaker 'payments' is OPEN}. */
  public String describeBreaker() {
    return breakerPolicy.enabled()
        ? "circuit breaker '" + apiName + "' is " + breakerState()
        : "no circuit breaker";
  }

  /** A breaker as configured by {@code p}; package-private for the test comparing it. */
  static CircuitBreaker breaker(String name, CircuitBreakerPolicy p, ClientOptions options) {
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
