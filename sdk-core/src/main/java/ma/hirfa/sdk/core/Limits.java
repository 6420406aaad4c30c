package ma.hirfa.sdk.core;

import java.time.Duration;

/**
 * How much {@link ClientOptions} let a client hold at once: the idle connections its pool keeps and
 * for how long, the requests in flight, the largest response body read into memory. One immutable
 * value, held by the options and by their builder; each {@code with} method validates its values
 * under the field names the builder's setters have always reported, and returns a new value, so a
 * refused setting leaves the builder as it was.
 */
record Limits(
    int maxIdleConnections, Duration keepAlive, int maxConcurrentRequests, long maxResponseBytes) {
  /** 16 idle connections kept 5 minutes, 64 requests at once, bodies up to 32 MiB. */
  static final Limits DEFAULTS = new Limits(16, Duration.ofMinutes(5), 64, 32L * 1024 * 1024);

  Limits withConnectionPool(int maxIdleConnections, Duration keepAlive) {
    if (maxIdleConnections < 0 || maxIdleConnections > 1_000) {
      throw new ValidationException(
          "maxIdleConnections", "must be between 0 and 1000 but was " + maxIdleConnections);
    }
    Duration alive = Durations.positive("keepAlive", keepAlive);
    return new Limits(maxIdleConnections, alive, maxConcurrentRequests, maxResponseBytes);
  }

  Limits withMaxConcurrentRequests(int maxConcurrentRequests) {
    if (maxConcurrentRequests < 1 || maxConcurrentRequests > 10_000) {
      throw new ValidationException(
          "maxConcurrentRequests", "must be between 1 and 10000 but was " + maxConcurrentRequests);
    }
    return new Limits(maxIdleConnections, keepAlive, maxConcurrentRequests, maxResponseBytes);
  }

  Limits withMaxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1024 || maxResponseBytes > (1L << 30)) {
      throw new ValidationException(
          "maxResponseBytes", "must be between 1024 and 1073741824 but was " + maxResponseBytes);
    }
    return new Limits(maxIdleConnections, keepAlive, maxConcurrentRequests, maxResponseBytes);
  }

  /** The part of {@link ClientOptions#toString()} these settings print. */
  @Override
  public String toString() {
    return "maxIdleConnections="
        + maxIdleConnections
        + ", maxConcurrentRequests="
        + maxConcurrentRequests;
  }
}
