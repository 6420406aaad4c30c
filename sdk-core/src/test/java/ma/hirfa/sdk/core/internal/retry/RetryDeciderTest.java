package ma.hirfa.sdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import ma.hirfa.sdk.core.internal.retry.RetryDecider.Action;
import ma.hirfa.sdk.core.internal.retry.RetryDecider.CallSoFar;
import ma.hirfa.sdk.core.internal.retry.RetryDecider.Decision;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every retry decision, without HTTP: outcomes are built by hand and the decider asked. */
class RetryDeciderTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Instant DEADLINE = NOW.plusSeconds(60);

  /** Jitter that always draws its maximum, so delays are the exponential ceiling. */
  private static final RandomGenerator MAX_JITTER =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return Long.MAX_VALUE;
        }

        @Override
        public double nextDouble() {
          return Math.nextDown(1.0);
        }
      };

  private final RetryBudget budget = new RetryBudget(20, 0.2);
  private final RetryDecider decider =
      new RetryDecider(new Backoff(RetryPolicy.defaults(), MAX_JITTER), budget);

  private static CallSoFar keyed(int attempt) {
    return new CallSoFar(attempt, 0, 3, true, NOW, DEADLINE);
  }

  private static CallSoFar unkeyedPost(int attempt) {
    return new CallSoFar(attempt, 0, 3, false, NOW, DEADLINE);
  }

  private static Outcome status(int status, @Nullable String code, @Nullable Duration retryAfter) {
    Problem p = code == null ? null : new Problem(null, "t", status, null, code, null, List.of());
    return Outcome.response(status, Headers.of(), new byte[0], p, 1_000, retryAfter);
  }

  private static Outcome failure(IOException e, boolean wrote) {
    return Outcome.failure(e, wrote, false, 1_000);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 304})
  void successIsReturned(int code) {
    assertThat(decider.decide(status(code, null, null), keyed(1)).action())
        .isEqualTo(Action.RETURN);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetriedWhenSafe(int code) {
    assertThat(decider.decide(status(code, null, null), keyed(1)).action()).isEqualTo(Action.RETRY);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 412, 422, 418})
  void otherClientErrorsAreFinal(int code) {
    assertThat(decider.decide(status(code, "x", null), keyed(1))).isEqualTo(Decision.FINAL);
  }

  @Test
  void anUnkeyedWriteIsNotRepeatedOnceItMayHaveBeenSent() {
    Decision d = decider.decide(failure(new SocketException("reset"), true), unkeyedPost(1));

    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.reason()).contains("may have been sent");
  }

  @Test
  void anUnkeyedWriteIsRepeatedWhenTheConnectionWasRefused() {
    assertThat(
            decider.decide(failure(new ConnectException("refused"), true), unkeyedPost(1)).action())
        .isEqualTo(Action.RETRY);
  }

  @Test
  void aKeyedWriteIsRepeatedAfterAResponseWasLost() {
    assertThat(decider.decide(failure(new SocketException("reset"), true), keyed(1)).action())
        .isEqualTo(Action.RETRY);
  }

  @Test
  void attemptsAreBoundedByMaxAttempts() {
    Decision d = decider.decide(status(503, null, null), keyed(3));

    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.reason()).isEqualTo("attempts exhausted");
  }

  @Test
  void theBackOffDoublesUpToItsCeiling() {
    assertThat(decider.decide(status(503, null, null), keyed(1)).delayMillis()).isEqualTo(500);
    assertThat(
            decider
                .decide(status(503, null, null), new CallSoFar(2, 0, 10, true, NOW, DEADLINE))
                .delayMillis())
        .isEqualTo(1_000);
    assertThat(
            decider
                .decide(status(503, null, null), new CallSoFar(9, 0, 10, true, NOW, DEADLINE))
                .delayMillis())
        .isEqualTo(8_000);
  }

  @Test
  void retryAfterIsHonouredAndCapped() {
    assertThat(decider.decide(status(429, null, Duration.ofSeconds(7)), keyed(1)).delayMillis())
        .isEqualTo(7_000);
    assertThat(
            decider
                .decide(
                    status(429, null, Duration.ofSeconds(100)),
                    new CallSoFar(1, 0, 3, true, NOW, NOW.plusSeconds(600)))
                .delayMillis())
        .isEqualTo(30_000);
  }

  @Test
  void noRetryStartsWhoseBackOffWouldEndAfterTheDeadline() {
    Decision d =
        decider.decide(
            status(429, null, Duration.ofSeconds(20)),
            new CallSoFar(1, 0, 3, true, NOW, NOW.plusSeconds(10)));

    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.reason()).contains("deadline").contains("Retry-After 20 s");
  }

  @Test
  void aKeyInUseIsPolledBeyondMaxAttemptsWithoutSpendingTheBudget() {
    Outcome inUse = status(409, RetryDecider.KEY_IN_USE, null);

    Decision d = decider.decide(inUse, new CallSoFar(7, 6, 3, true, NOW, DEADLINE));

    assertThat(d.action()).isEqualTo(Action.RETRY);
    assertThat(d.poll()).isTrue();
    assertThat(budget.available()).isEqualTo(20);
  }

  @Test
  void pollingAKeyInUseStopsAtMaxPolls() {
    Decision d =
        decider.decide(
            status(409, RetryDecider.KEY_IN_USE, null),
            new CallSoFar(
                RetryDecider.MAX_POLLS + 1,
                RetryDecider.MAX_POLLS,
                3,
                true,
                NOW,
                NOW.plusSeconds(3_600)));

    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.reason()).contains("still processing");
  }

  @Test
  void pollsDoNotCountAgainstMaxAttempts() {
    // Three polls and one ordinary attempt: a 503 may still be retried twice.
    Decision d =
        decider.decide(status(503, null, null), new CallSoFar(4, 3, 3, true, NOW, DEADLINE));

    assertThat(d.action()).isEqualTo(Action.RETRY);
  }

  @Test
  void anEmptyBudgetStopsRetriesButNotPolls() {
    RetryBudget empty = new RetryBudget(1, 0);
    RetryDecider d = new RetryDecider(new Backoff(RetryPolicy.defaults(), MAX_JITTER), empty);
    assertThat(d.decide(status(503, null, null), keyed(1)).action()).isEqualTo(Action.RETRY);

    Decision second = d.decide(status(503, null, null), keyed(1));

    assertThat(second.reason()).isEqualTo("retry budget exhausted");
    assertThat(d.decide(status(409, RetryDecider.KEY_IN_USE, null), keyed(1)).action())
        .isEqualTo(Action.RETRY);
  }

  @Test
  void theCallsDeadlineAndAnOversizedBodyAreFinal() {
    Outcome deadline = Outcome.failure(new InterruptedIOException("timeout"), true, true, 1);
    Outcome tooLarge = Outcome.tooLarge(200, Headers.of(), 1);

    assertThat(decider.decide(deadline, keyed(1))).isEqualTo(Decision.FINAL);
    assertThat(decider.decide(tooLarge, keyed(1))).isEqualTo(Decision.FINAL);
  }

  @Test
  void aCutOrMangledBodyIsRetriedButWellFormedJsonOfTheWrongShapeIsNot() {
    Outcome ok = status(200, null, null);
    Outcome cut = ok.undecodable(new DecodeFailure("cut", new EOFException(), true));
    Outcome wrongShape = ok.undecodable(new DecodeFailure("shape", null, false));

    assertThat(decider.decide(cut, keyed(1)).action()).isEqualTo(Action.RETRY);
    assertThat(decider.decide(wrongShape, keyed(1))).isEqualTo(Decision.FINAL);
  }

  @Test
  void onlyGetHeadOptionsAndKeyedCallsAreRepeatable() {
    assertThat(RetryDecider.repeatable("GET", null)).isTrue();
    assertThat(RetryDecider.repeatable("HEAD", null)).isTrue();
    assertThat(RetryDecider.repeatable("PUT", null)).isFalse();
    assertThat(RetryDecider.repeatable("DELETE", null)).isFalse();
    assertThat(RetryDecider.repeatable("POST", "k")).isTrue();
  }
}
