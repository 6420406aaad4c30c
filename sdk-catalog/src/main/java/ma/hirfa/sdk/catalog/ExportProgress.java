package ma.hirfa.sdk.catalog;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * How far an export has come: products and bytes received, the time since it started, and the total
 * the API announced ({@code Export-Product-Count}), for a progress bar.
 *
 * @param products products received so far
 * @param bytes bytes of NDJSON received so far
 * @param total the products the export was announced to send, counted when it began (empty when the
 *     API did not say); products created or deleted meanwhile can make the real count differ
 */
public record ExportProgress(
    long products, long bytes, Duration elapsed, boolean done, OptionalLong total) {

  public ExportProgress {
    Objects.requireNonNull(elapsed, "elapsed == null");
    Objects.requireNonNull(total, "total == null");
  }

  /** Products per second since the start. */
  public double productsPerSecond() {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : products * 1e9 / nanos;
  }

  /** The time left for the announced {@link #total()} at the rate so far; zero when unknown. */
  public Duration remaining() {
    return total.isPresent() ? remaining(total.getAsLong()) : Duration.ZERO;
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
