package ma.hirfa.sdk.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ma.hirfa.sdk.core.RequestOptions;

/**
 * One run's budget: a deadline on the client's clock and a number of feed pages. Every call the run
 * makes gets the time left as its deadline, so no call outlives the run.
 */
final class SyncBudget {
  /** Attempts for each of the sync's calls: wider than the default, within the run's deadline. */
  static final int ATTEMPTS = 10;

  private final Clock clock;
  private final Instant started;
  private final Instant deadline;
  private final Duration time;
  private final int maxPages;
  private int pages;

  SyncBudget(Clock clock, Duration time, int maxPages) {
    this.clock = clock;
    this.started = clock.instant();
    this.deadline = started.plus(time);
    this.time = time;
    this.maxPages = maxPages;
  }

  Duration remaining() {
    return Duration.between(clock.instant(), deadline);
  }

  boolean timeSpent() {
    Duration left = remaining();
    return left.isNegative() || left.isZero();
  }

  boolean pagesSpent() {
    return pages >= maxPages;
  }

  void pageRead() {
    pages++;
  }

  Duration time() {
    return time;
  }

  int maxPages() {
    return maxPages;
  }

  Duration elapsed() {
    return Duration.between(started, clock.instant());
  }

  /** Options for one call: the run's remaining time as its deadline, and more attempts. */
  RequestOptions callOptions() {
    Duration left = remaining();
    return RequestOptions.builder()
        .timeout(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
        .maxAttempts(ATTEMPTS)
        .build();
  }
}
