package ma.hirfa.sdk.core.internal.retry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of retries shared by one client: a retry spends a token; a call that succeeds at
 * the first attempt earns back a fraction of one, and a call that succeeds after retries gets back
 * the tokens it spent, since its retries did what they were for. When the bucket is empty failures
 * are returned instead of retried, so a platform outage, where retries do not succeed, sees at most
 * the original traffic plus a bounded number of retries, while faults that retries absorb (a lost
 * response, a 503 now and then) never drain it. The refund rule is the one of the AWS SDKs' retry
 * quota.
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
    tokens(refill);
  }

  /** Gives back the {@code tokens} a call spent on retries that led to its success. */
  void refund(int tokens) {
    if (capacity == 0 || tokens <= 0) {
      return;
    }
    tokens(tokens * UNIT);
  }

  private void tokens(long add) {
    tokens.accumulateAndGet(add, (current, a) -> Math.min(capacity, current + a));
  }

  /** Whole tokens left, for diagnostics and tests. */
  long available() {
    return tokens.get() / UNIT;
  }
}
