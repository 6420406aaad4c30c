package ma.hirfa.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;

/**
 * The sandbox's clock. It follows real time from a starting instant, and {@link #advance} jumps it
 * forward, so a test can let a wallet approval, a cash voucher or a payout happen without waiting.
 * Thread-safe.
 */
public final class SandboxClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;
  private final Runnable onAdvance;

  SandboxClock(Clock base, Runnable onAdvance) {
    this.base = Objects.requireNonNull(base, "base == null");
    this.onAdvance = onAdvance;
  }

  /** Moves the sandbox's time forward; pending transitions that fall due happen now. */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new ValidationException(
          "duration",
          "must not be negative: the sandbox clock only moves forward, but was " + duration);
    }
    synchronized (this) {
      offset = offset.plus(duration);
    }
    onAdvance.run();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
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
