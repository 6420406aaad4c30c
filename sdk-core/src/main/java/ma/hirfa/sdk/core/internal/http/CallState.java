package ma.hirfa.sdk.core.internal.http;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import ma.hirfa.sdk.core.internal.retry.Resilience;
import ma.hirfa.sdk.core.internal.retry.RetryDecider;
import ma.hirfa.sdk.core.internal.retry.RetryDecider.Decision;
import ma.hirfa.sdk.core.internal.retry.StopReason;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * The decisions that change one call: start the next attempt (if the client, the deadline and the
 * breaker allow), apply the retry decider's verdict after it, end the call once (telling the
 * breaker, the budget and the listeners), or cut it short at its deadline or a cancellation. What
 * the call has been through is its {@link CallHistory}, which every exception is described from.
 * Synchronized: an async call's callbacks, its deadline timer and a cancellation may run on three
 * threads.
 */
final class CallState<T> {
  final ClientRuntime rt;
  final ApiRequest request;
  final CallEvents events;
  private final Function<ApiResponse, T> decoder;
  private final CallPlan plan;

  @GuardedBy("this")
  private final CallHistory history;

  @GuardedBy("this")
  private @Nullable Call current;

  @GuardedBy("this")
  private AttemptTracker.State currentTracker = new AttemptTracker.State();

  @GuardedBy("this")
  private boolean permitHeld;

  @GuardedBy("this")
  private boolean finished;

  @GuardedBy("this")
  private @Nullable Runnable cancelDeadline;

  CallState(
      ClientRuntime rt, ApiRequest request, Function<ApiResponse, T> decoder, boolean streaming) {
    this.rt = rt;
    this.request = request;
    this.decoder = decoder;
    this.plan = CallPlan.of(rt, request, streaming);
    this.events = plan.events();
    this.history = new CallHistory(request, plan);
  }

  Duration untilDeadline() {
    return Duration.between(rt.options.clock().instant(), plan.deadline());
  }

  synchronized int attemptNumber() {
    return Math.max(1, history.attempt);
  }

  synchronized void deadlineTimer(Runnable cancel) {
    this.cancelDeadline = cancel;
  }

  /**
   * Checks the client, the deadline and the breaker, then creates the next attempt's call.
   *
   * @throws AlreadyEnded if a cancellation or the deadline timer ended the call on another thread
   *     after the retry loop last looked: that thread completes the call's future, and no attempt
   *     may start after it
   */
  synchronized Call startAttempt() {
    if (finished) {
      throw new AlreadyEnded();
    }
    int next = history.attempt + 1;
    if (rt.isClosed()) {
      if (next == 1) {
        throw ErrorMapper.closed(request);
      }
      throw finish(
          new ConnectionException(
              "the client was closed before attempt " + next,
              history.diagnostics(),
              history.mayHaveBeenSent,
              null));
    }
    Duration remaining = untilDeadline();
    if (remaining.isNegative() || remaining.isZero()) {
      throw finish(timeout("the call's deadline expired before attempt " + next));
    }
    Resilience r = rt.resilience;
    if (next == 1) {
      if (!r.permitCall()) {
        throw finish(breakerOpen(""));
      }
      permitHeld = true;
    } else if (r.openedMeanwhile()) {
      throw finish(breakerOpen(" before attempt " + next));
    }
    if (next == 1) {
      events.started(rt.baseUrl.host());
    }
    history.attempt = next;
    AttemptTracker.State tracker = new AttemptTracker.State();
    Call call = AttemptTracker.newCall(rt.http, plan.requests().attempt(next, events), tracker);
    currentTracker = tracker;
    if (plan.wholeCallTimeout()) {
      // The attempt may use what is left of the call's deadline, and no more.
      call.timeout().timeout(remaining.toNanos(), TimeUnit.NANOSECONDS);
    }
    current = call;
    return call;
  }

  /** What the current attempt's listener saw (whether its request may have been sent). */
  synchronized AttemptTracker.State tracker() {
    return currentTracker;
  }

  /** Records the attempt, then returns the value, fails, or plans a retry after a delay. */
  synchronized Step<T> afterAttempt(Outcome outcome) {
    Outcome o = outcome;
    if (finished) {
      // The deadline or a cancellation ended the call while this attempt was in flight.
      if (o.open != null) {
        o.open.close();
      }
      return Step.ignored();
    }
    current = null;
    history.attempted(o);
    T value = null;
    if (o.isSuccess()) {
      try {
        value =
            decoder.apply(
                new ApiResponse(o.status, o.headers, o.body, history.diagnostics(), o.open));
      } catch (DecodeFailure e) {
        o = o.undecodable(e);
      }
    }
    history.last = o;
    int attempt = history.attempt;
    String requestId = history.requestId;
    Decision d = rt.resilience.decider.decide(o, history.soFar(rt.options.clock().instant()));
    if (d.action() == RetryDecider.Action.RETURN) {
      events.attempt(attempt, o, requestId, null, null, null, "");
      end(null);
      return Step.value(value);
    }
    HirfaException error = ErrorMapper.toException(o, history.diagnostics());
    if (d.action() == RetryDecider.Action.RETRY) {
      events.attempt(
          attempt,
          o,
          requestId,
          error,
          Duration.ofMillis(d.delayMillis()),
          null,
          "; retrying in " + d.delayMillis() + " ms");
      history.retrying(d.poll());
      return Step.retry(d.delayMillis());
    }
    if (!d.reason().isEmpty()) {
      error.addSuppressed(new StopReason("not retried: " + d.reason()));
    }
    String why = d.reason().isEmpty() ? "" : "; not retried: " + d.reason();
    events.attempt(
        attempt, o, requestId, error, null, d.reason().isEmpty() ? null : d.reason(), why);
    return Step.error(finish(error));
  }

  /** The call's deadline passed while an attempt was queued or running: end it now. */
  synchronized @Nullable HirfaException deadlineExpired() {
    if (finished) {
      return null;
    }
    Call inFlight = current;
    if (inFlight != null) {
      // Cancelled first, so that what the attempt's listener saw is final: a request already on
      // the wire may have been processed, and that counts for the call.
      inFlight.cancel();
      history.mayHaveBeenSent |= currentTracker.mayHaveBeenSent();
    }
    return finish(
        timeout(
            "the call's deadline expired"
                + (history.attempt == 0 ? " before its first attempt started" : "")));
  }

  /**
   * The caller cancelled the call: cancel the attempt on the wire and stop.
   *
   * @return whether the cancellation ended the call; {@code false} if it had already ended (its
   *     answer, its deadline), whose outcome then stands
   */
  synchronized boolean cancelled() {
    if (finished) {
      return false;
    }
    finished = true;
    if (permitHeld) {
      permitHeld = false;
      rt.resilience.releaseCall();
    }
    stopDeadlineTimer();
    if (current != null) {
      current.cancel();
    }
    events.cancelled(history.attempt, history.lastStatus);
    return true;
  }

  /**
   * The wait before the next attempt of an async call failed (a sleeper whose future failed): end
   * the call as a blocking one whose sleep was interrupted ends; {@code null} if it had already
   * ended meanwhile, and the thread that ended it completes the future.
   */
  synchronized @Nullable HirfaException backOffFailed(Throwable e) {
    return finished ? null : endBackOff("the wait before the next attempt failed", e);
  }

  synchronized HirfaException interrupted(InterruptedException e) {
    return endBackOff("interrupted while waiting to retry", e);
  }

  /** Ends the call whose wait before its next attempt ended with {@code cause}. */
  @GuardedBy("this")
  private HirfaException endBackOff(String what, Throwable cause) {
    return finish(ErrorMapper.timeout(what, history.diagnostics(), cause));
  }

  @GuardedBy("this")
  private CallTimeoutException timeout(String what) {
    return ErrorMapper.timeout(what, history.diagnostics());
  }

  @GuardedBy("this")
  private CircuitOpenException breakerOpen(String when) {
    return ErrorMapper.breakerOpen(rt.resilience.describeBreaker(), when, history.diagnostics());
  }

  /** Ends the call with {@code error}; returns it to be thrown. */
  @GuardedBy("this")
  private HirfaException finish(HirfaException error) {
    end(error);
    return error;
  }

  /** Ends the call once: tells the breaker, the budget and the listeners; stops the timer. */
  @GuardedBy("this")
  private void end(@Nullable HirfaException error) {
    finished = true;
    if (permitHeld) {
      permitHeld = false;
      Outcome o = history.last;
      // 5xx, timeouts and connection failures count; every 4xx and a decoding failure do not.
      boolean apiFailed =
          error instanceof ConnectionException
              || error instanceof CircuitOpenException
              || (error != null && o != null && o.isServerFailure());
      rt.resilience.recordCall(apiFailed, o == null ? 0 : o.durationNanos);
    }
    if (error == null) {
      rt.resilience.callSucceeded(history.tokensSpent);
    }
    stopDeadlineTimer();
    rt.lastCall(error);
    events.call(history.attempt, history.lastStatus, error);
  }

  /** The call ended on another thread before its next attempt could start; not an error. */
  static final class AlreadyEnded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AlreadyEnded() {
      super("the call already ended", null, false, false);
    }
  }

  @GuardedBy("this")
  private void stopDeadlineTimer() {
    Runnable cancel = cancelDeadline;
    if (cancel != null) {
      cancelDeadline = null;
      cancel.run();
    }
  }
}
