package ma.hirfa.sdk.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every back-off and advances a {@link FakeClock} instead of waiting.
 *
 * <p>A small private copy of {@code ma.hirfa.sdk.testkit.RecordingSleeper}, the one partners use:
 * sdk-core's tests cannot depend on the testkit, which depends on sdk-core.
 */
public final class RecordingSleeper implements Sleeper {
  private final FakeClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
