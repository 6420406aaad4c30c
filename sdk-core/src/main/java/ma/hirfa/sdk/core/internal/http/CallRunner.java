package ma.hirfa.sdk.core.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.internal.log.CallLog;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import ma.hirfa.sdk.core.internal.retry.RetryDecider;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Runs one logical call: makes attempts until {@link RetryDecider} says to return or to stop,
 * blocking ({@link #runSync}) or on OkHttp's callbacks ({@link #runAsync}). The stages are separate
 * classes: {@link RequestFactory} builds each attempt, {@link ResponseReader} reads it, {@link
 * CallState} applies the decider's verdict, {@link CallHistory} keeps what the call went through,
 * {@link ErrorMapper} names the failure and {@link CallEvents} tells listeners. This class is only
 * the loop.
 */
final class CallRunner<T> {
  private final CallState<T> state;
  private final boolean streaming;

  CallRunner(
      ClientRuntime rt, ApiRequest request, Function<ApiResponse, T> decoder, boolean streaming) {
    this.state = new CallState<>(rt, request, decoder, streaming);
    this.streaming = streaming;
  }

  // ---------------------------------------------------------------------------------------------
  // Synchronous path

  T runSync() {
    try (CallLog.Scope mdc = state.events.mdc(1)) {
      while (true) {
        Call call = state.startAttempt();
        AttemptTracker.State tracker = state.tracker();
        mdc.attempt(state.attemptNumber());
        long t0 = System.nanoTime();
        Outcome outcome;
        try {
          outcome = read(call.execute(), t0);
        } catch (IOException e) {
          outcome = ResponseReader.failure(tracker, e, t0);
        }
        Step<T> step = state.afterAttempt(outcome);
        if (step.error() != null) {
          throw step.error();
        }
        if (!step.isRetry()) {
          return step.valueOrThrow();
        }
        try {
          state.rt.options.sleeper().sleep(Duration.ofMillis(step.delayMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw state.interrupted(e);
        }
      }
    }
  }

  private Outcome read(Response response, long t0) {
    return streaming && response.isSuccessful()
        ? Outcome.stream(response, System.nanoTime() - t0)
        : state.rt.reader.read(response, t0);
  }

  // ---------------------------------------------------------------------------------------------
  // Asynchronous path: the same decisions, driven by OkHttp callbacks; never blocks a thread.

  CompletableFuture<T> runAsync() {
    CallFuture<T> future = new CallFuture<>(state::cancelled);
    if (state.rt.isClosed()) {
      future.completeExceptionally(ErrorMapper.closed(state.request));
      return future;
    }
    // OkHttp's own timeout starts when a queued call starts; this timer also counts the queue.
    long nanos = Math.max(0, state.untilDeadline().toNanos());
    state.deadlineTimer(state.rt.scheduleDeadline(() -> deadlineExpired(future), nanos));
    attemptAsync(future);
    return future;
  }

  private void attemptAsync(CallFuture<T> future) {
    Call call;
    try {
      call = state.startAttempt();
    } catch (CallState.AlreadyEnded e) {
      return; // the thread that ended the call completes its future
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    AttemptTracker.State tracker = state.tracker();
    long t0 = System.nanoTime();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            handleAsync(future, ResponseReader.failure(tracker, e, t0));
          }

          @Override
          public void onResponse(Call c, Response response) {
            handleAsync(future, read(response, t0));
          }
        });
  }

  private void handleAsync(CallFuture<T> future, Outcome outcome) {
    Step<T> step;
    try (CallLog.Scope mdc = state.events.mdc(state.attemptNumber())) {
      step = state.afterAttempt(outcome);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    if (step.isIgnored()) {
      return;
    }
    if (step.error() != null) {
      future.completeExceptionally(step.error());
    } else if (!step.isRetry()) {
      future.complete(step.valueOrThrow());
    } else {
      var unused =
          state
              .rt
              .options
              .sleeper()
              .delay(Duration.ofMillis(step.delayMillis()))
              .whenComplete(
                  (ignored, error) -> {
                    if (error != null) {
                      HirfaException ended = state.backOffFailed(error);
                      if (ended != null) {
                        future.completeExceptionally(ended);
                      }
                    } else if (!future.isDone()) {
                      attemptAsync(future);
                    }
                  });
    }
  }

  /** The deadline timer fired: a queued or running attempt must not outlive the deadline. */
  private void deadlineExpired(CompletableFuture<T> future) {
    HirfaException error = state.deadlineExpired();
    if (error != null) {
      future.completeExceptionally(error);
    }
  }
}
