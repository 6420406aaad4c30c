package ma.hirfa.sdk.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of retries shared by one client: a retry spends a token, a successful call earns
 * back a fraction of one. When the bucket is empty failures are returned instead of retried, so a
 * platform outage sees at most the original traffic plus a bounded number of retries.
 */
final class RetryBudget {
  private static final long UNIT = 1_000;

  private final long capacity;
  private final long refill;
  private final AtomicLong tokens;

  RetryBudget(int maxTokens, double refillPerSuccess) {
    this.capacity = maxTokens * UNIT;
    this.refill = Math.round(refillPerSuccess * UNIT);
    this.tokens = new AtomicLong(capacity);
  }

  /** Takes a token for a retry; false when the budget is spent. Always true when disabled. */
  boolean tryAcquire() {
    if (capacity == 0) {
      return true;
    }
    while (true) {
      long current = tokens.get();
      if (current < UNIT) {
        return false;
      }
      if (tokens.compareAndSet(current, current - UNIT)) {
        return true;
      }
    }
  }

  void onSuccess() {
    if (capacity == 0 || refill == 0 || tokens.get() >= capacity) {
      return;
    }
    tokens.accumulateAndGet(refill, (current, add) -> Math.min(capacity, current + add));
  }

  /** Whole tokens left, for diagnostics and tests. */
  long available() {
    return tokens.get() / UNIT;
  }
}
