package ma.hirfa.sdk.core.internal.http;

import static ma.hirfa.sdk.core.internal.http.ScriptedServer.after;
import static ma.hirfa.sdk.core.internal.http.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.HirfaException;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous call can be ended by three threads: OkHttp's callback, the deadline timer and a
 * cancellation. Whichever ends it first, it ends once: no attempt starts after it ended, the
 * listeners hear of its end once, and whoever waits on its future sees the end already told.
 */
class CallEndsOnceTest {
  final List<AttemptStart> started = new CopyOnWriteArrayList<>();
  final List<CallEvent> finished = new CopyOnWriteArrayList<>();
  final CallListener listener =
      new CallListener() {
        @Override
        public void attemptStarted(
            AttemptStart attempt, java.util.function.BiConsumer<String, String> headers) {
          started.add(attempt);
        }

        @Override
        public void callFinished(CallEvent event) {
          finished.add(event);
        }
      };

  private static ApiRequest createPayment() {
    return TestRequests.post("v1", "payments").body(Map.of("amount_minor", 15000)).build();
  }

  /** A client of {@code server}, which answers every attempt 503, waiting with {@code sleeper}. */
  private Fixture answering503(ScriptedServer server, ma.hirfa.sdk.core.Sleeper sleeper) {
    server.otherwise(respond(503, "application/json", "{}"));
    return new Fixture(server.baseUrl(), b -> b.addListener(listener).sleeper(sleeper));
  }

  /** The listeners heard of the call's end once, with {@code failure}. */
  private void assertEndedOnceWith(String failure) {
    assertThat(finished).singleElement().extracting(CallEvent::failure).isEqualTo(failure);
  }

  private CallState<ApiResponse> state(Fixture f) {
    return new CallState<>(f.runtime, createPayment(), r -> r, false);
  }

  /**
   * A retry whose delay ended just as the caller cancelled: the retry loop saw the future not yet
   * done, then asked for the attempt after the cancellation ended the call.
   */
  @Test
  void noAttemptStartsAfterACancellationEndedTheCall() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl(), b -> b.addListener(listener));
      CallState<ApiResponse> state = state(f);

      state.cancelled();

      assertThatThrownBy(state::startAttempt).isInstanceOf(CallState.AlreadyEnded.class);
      assertThat(started).isEmpty();
      assertEndedOnceWith("CancellationException");
    }
  }

  /** The deadline timer ended the call between the retry loop's check and the next attempt. */
  @Test
  void anAttemptDueAfterTheDeadlineEndedTheCallDoesNotEndItASecondTime() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl(), b -> b.addListener(listener));
      CallState<ApiResponse> state = state(f);

      assertThat(state.deadlineExpired()).isInstanceOf(CallTimeoutException.class);

      assertThatThrownBy(state::startAttempt).isInstanceOf(CallState.AlreadyEnded.class);
      assertThat(finished).hasSize(1);
      assertThat(state.deadlineExpired()).isNull();
      assertThat(finished).hasSize(1);
    }
  }

  /**
   * The call ended (here at its deadline; equally with a created payment) and its thread is about
   * to complete the future when the caller cancels: the outcome stands, and the future is not
   * reported as cancelled.
   */
  @Test
  void aCancelAfterTheCallEndedLeavesItsOutcomeStanding() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl(), b -> b.addListener(listener));
      CallState<ApiResponse> state = state(f);
      CallFuture<ApiResponse> future = new CallFuture<>(state::cancelled);
      HirfaException timeout = state.deadlineExpired();

      assertThat(future.cancel(true)).isFalse();
      future.completeExceptionally(java.util.Objects.requireNonNull(timeout));

      assertThat(future.isCancelled()).isFalse();
      assertThatThrownBy(future::join).hasCauseInstanceOf(CallTimeoutException.class);
      assertEndedOnceWith("CallTimeoutException");
    }
  }

  /**
   * A blocking call interrupted while it waits to retry ends with a timeout whose cause is the
   * interruption, told once; it used to fail with an IllegalStateException from initCause and was
   * never ended for the listeners.
   */
  @Test
  void aBlockingCallInterruptedDuringItsBackOffEndsOnceWithATimeout() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      ma.hirfa.sdk.core.Sleeper interrupted =
          d -> {
            throw new InterruptedException("shutting down");
          };
      Fixture f = answering503(server, interrupted);
      try {
        assertThatThrownBy(() -> f.runtime.execute(createPayment()))
            .isInstanceOf(CallTimeoutException.class)
            .hasMessageContaining("interrupted while waiting to retry")
            .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
      } finally {
        Thread.interrupted();
      }
      assertEndedOnceWith("CallTimeoutException");
    }
  }

  /** A back-off whose wait failed ends the call as an interrupted wait does: once, and told. */
  @Test
  void aBackOffWhoseWaitFailedEndsTheCallOnceAndTellsTheListeners() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      ma.hirfa.sdk.core.Sleeper broken =
          new ma.hirfa.sdk.core.Sleeper() {
            @Override
            public void sleep(java.time.Duration d) {}

            @Override
            public CompletableFuture<Void> delay(java.time.Duration d) {
              return CompletableFuture.failedFuture(new IllegalStateException("no timer left"));
            }
          };
      Fixture f = answering503(server, broken);

      CompletableFuture<ApiResponse> future = f.runtime.executeAsync(createPayment());

      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(CallTimeoutException.class)
          .hasRootCauseMessage("no timer left");
      assertEndedOnceWith("CallTimeoutException");
      assertThat(server.received()).hasSize(1);
    }
  }

  /**
   * Cancelling tells the listeners (spans, timers) and gives the breaker its permit back before the
   * future reads as cancelled: a stage chained on the future, run by the cancelling thread, and a
   * thread blocked in {@code join()} find the call's end already told.
   */
  @Test
  void whoeverWaitsOnACancelledFutureFindsTheCallsEndAlreadyTold() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(after(5_000, respond(200, "application/json", "{}")));
      Fixture f = new Fixture(server.baseUrl(), b -> b.addListener(listener));
      CompletableFuture<ApiResponse> future = f.runtime.executeAsync(createPayment());
      CompletableFuture<Integer> toldWhenSeen = new CompletableFuture<>();
      var unused = future.whenComplete((value, error) -> toldWhenSeen.complete(finished.size()));

      assertThat(future.cancel(true)).isTrue();

      assertThat(toldWhenSeen.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      assertEndedOnceWith("CancellationException");
      assertThat(future.cancel(true)).as("a second cancel: still cancelled").isTrue();
      assertThat(finished).hasSize(1);
    }
  }
}
