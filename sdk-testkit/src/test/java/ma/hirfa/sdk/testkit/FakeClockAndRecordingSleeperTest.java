package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.Test;

/** The shipped fakes: a clock that moves when told, a sleeper that records and never waits. */
class FakeClockAndRecordingSleeperTest {
  @Test
  void aFakeClockMovesOnlyWhenAdvanced() {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T09:00:00Z"));

    clock.advance(Duration.ofSeconds(90));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-02T09:01:30Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2026-11-02T09:01:30Z").toEpochMilli());
  }

  @Test
  void aFakeClockRefusesToGoBack() {
    FakeClock clock = new FakeClock();

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("duration"));
  }

  @Test
  void aRecordingSleeperRecordsEachSleepAndAdvancesItsClockWithoutWaiting() {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T09:00:00Z"));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    long start = System.nanoTime();

    sleeper.sleep(Duration.ofMinutes(10));
    sleeper.delay(Duration.ofMinutes(5)).join();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(5));
    assertThat(sleeper.total()).isEqualTo(Duration.ofMinutes(15));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
