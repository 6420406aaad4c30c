package ma.hirfa.sdk.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import ma.hirfa.sdk.core.Sleeper;

/**
 * Real time plus every wait the client asked for: a sleeper that records the wait and moves this
 * clock forward instead of blocking. Deadlines and budgets see the waits; tests do not spend them.
 */
final class SkewedTime extends Clock implements Sleeper {
  private final AtomicLong skewNanos = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    skewNanos.addAndGet(duration.toNanos());
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Duration skew() {
    return Duration.ofNanos(skewNanos.get());
  }

  @Override
  public Instant instant() {
    return Instant.now().plusNanos(skewNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
