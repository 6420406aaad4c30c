package ma.hirfa.sdk.catalog;

import java.time.Duration;
import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * How far an export has come: products and bytes received, and the time since it started.
 *
 * @param products products received so far
 * @param bytes bytes of NDJSON received so far
 */
public record ExportProgress(long products, long bytes, Duration elapsed, boolean done) {

  /** Products per second since the start. */
  public double productsPerSecond() {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : products * 1e9 / nanos;
  }

  /** The time left for {@code total} products at the rate so far; zero when unknown or done. */
  public Duration remaining(long total) {
    double rate = productsPerSecond();
    if (rate <= 0 || total <= products) {
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) ((total - products) / rate * 1000));
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
