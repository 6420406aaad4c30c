package ma.hirfa.sdk.core.internal.http;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import ma.hirfa.sdk.core.internal.retry.Resilience;
import ma.hirfa.sdk.core.internal.retry.RetryDecider;
import ma.hirfa.sdk.core.internal.retry.RetryDecider.Decision;
import ma.hirfa.sdk.core.internal.retry.StopReason;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * What one call has been through, and the decisions that change it. Whether any attempt may have
 * been sent, the last status and the last request id are kept for the whole call, so that every
 * exception tells the truth about the call, not only about its last attempt. Synchronized: an async
 * call's callbacks, its deadline timer and a cancellation may run on three threads.
 */
final class CallState<T> {
  final ClientRuntime rt;
  final ApiRequest request;
  final CallEvents events;
  private final Function<ApiResponse, T> decoder;
  private final CallPlan plan;

  @GuardedBy("this")
  private int attempt;

  @GuardedBy("this")
  private int polls;

  @GuardedBy("this")
  private int lastStatus;

  @GuardedBy("this")
  private boolean mayHaveBeenSent;

  @GuardedBy("this")
  private @Nullable String requestId;

  @GuardedBy("this")
  private @Nullable Outcome last;

  @GuardedBy("this")
  private @Nullable Call current;

  @GuardedBy("this")
  private AttemptTracker.State currentTracker = new AttemptTracker.State();

  @GuardedBy("this")
  private boolean permitHeld;

  @GuardedBy("this")
  private int tokensSpent; // refunded to the retry budget if the call succeeds

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
  }

  Duration untilDeadline() {
    return Duration.between(rt.options.clock().instant(), plan.deadline());
  }

  synchronized int attemptNumber() {
    return Math.max(1, attempt);
  }

  synchronized void deadlineTimer(Runnable cancel) {
    this.cancelDeadline = cancel;
  }

  /** Checks the client, the deadline and the breaker, then creates the next attempt's call. */
  synchronized Call startAttempt() {
    int next = attempt + 1;
    if (rt.isClosed()) {
      if (next == 1) {
        throw ErrorMapper.closed(request);
      }
      throw finish(
          new ConnectionException(
              "the client was closed before attempt " + next,
              diagnostics(),
              mayHaveBeenSent,
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
    attempt = next;
    AttemptTracker.State tracker = new AttemptTracker.State();
    Call call = AttemptTracker.newCall(rt.http, plan.requests().attempt(attempt, events), tracker);
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
    mayHaveBeenSent |= o.mayHaveBeenSent;
    if (o.status != 0) {
      lastStatus = o.status;
    }
    String rid = o.requestId();
    if (rid != null) {
      requestId = Redactor.untrustedId(rid);
    }
    T value = null;
    if (o.isSuccess()) {
      try {
        value = decoder.apply(new ApiResponse(o.status, o.headers, o.body, diagnostics(), o.open));
      } catch (DecodeFailure e) {
        o = o.undecodable(e);
      }
    }
    last = o;
    Decision d =
        rt.resilience.decider.decide(
            o,
            new RetryDecider.CallSoFar(
                attempt,
                polls,
                plan.maxAttempts(),
                plan.repeatable(),
                rt.options.clock().instant(),
                plan.deadline()));
    if (d.action() == RetryDecider.Action.RETURN) {
      events.attempt(attempt, o, requestId, null, null, null, "");
      end(null);
      return Step.value(value);
    }
    HirfaException error = ErrorMapper.toException(o, diagnostics());
    if (d.action() == RetryDecider.Action.RETRY) {
      events.attempt(
          attempt,
          o,
          requestId,
          error,
          Duration.ofMillis(d.delayMillis()),
          null,
          "; retrying in " + d.delayMillis() + " ms");
      if (d.poll()) {
        polls++;
      } else {
        tokensSpent++;
      }
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
    HirfaException error =
        finish(
            timeout(
                "the call's deadline expired"
                    + (attempt == 0 ? " before its first attempt started" : "")));
    if (current != null) {
      current.cancel();
    }
    return error;
  }

  /** The caller cancelled the call: cancel the attempt on the wire and stop. */
  synchronized void cancelled() {
    if (finished) {
      return;
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
    events.cancelled(attempt, lastStatus);
  }

  synchronized HirfaException interrupted(InterruptedException e) {
    HirfaException error = timeout("interrupted while waiting to retry");
    error.initCause(e);
    return finish(error);
  }

  @GuardedBy("this")
  private CallTimeoutException timeout(String what) {
    return ErrorMapper.timeout(what, diagnostics());
  }

  @GuardedBy("this")
  private CircuitOpenException breakerOpen(String when) {
    return ErrorMapper.breakerOpen(rt.resilience.describeBreaker(), when, diagnostics());
  }

  /** The call as it stands: sticky across attempts, as every exception must describe it. */
  @GuardedBy("this")
  private CallDiagnostics diagnostics() {
    Outcome o = last;
    return new CallDiagnostics(
        request.method(),
        request.path(),
        lastStatus,
        o == null ? null : o.problemCode(),
        requestId,
        plan.idempotencyKey(),
        attempt,
        mayHaveBeenSent);
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
      Outcome o = last;
      // 5xx, timeouts and connection failures count; every 4xx and a decoding failure do not.
      boolean apiFailed =
          error instanceof ConnectionException
              || error instanceof CircuitOpenException
              || (error != null && o != null && o.isServerFailure());
      rt.resilience.recordCall(apiFailed, o == null ? 0 : o.durationNanos);
    }
    if (error == null) {
      rt.resilience.callSucceeded(tokensSpent);
    }
    stopDeadlineTimer();
    rt.lastCall(error);
    events.call(attempt, lastStatus, error);
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
