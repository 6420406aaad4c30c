package ma.hirfa.sdk.core.internal;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.RetryDecider.Decision;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Runs one logical call: mints its identifiers once, then makes attempts until {@link RetryDecider}
 * says to return or to stop. The stages are separate classes: {@link RequestFactory} builds each
 * attempt, {@link ResponseReader} reads it, the decider decides, {@link ErrorMapper} names the
 * failure and {@link CallEvents} tells listeners; this class only keeps the call's state and drives
 * the loop, blocking ({@link #runSync}) or on OkHttp's callbacks ({@link #runAsync}).
 *
 * <h2>What the call remembers</h2>
 *
 * Whether any attempt may have been sent, the last status and the last request id are kept for the
 * whole call, so that every exception tells the truth about the call and not only about its last
 * attempt: a payment committed by attempt 1 and followed by refused connections is still reported
 * as "may have been sent", with its idempotency key.
 *
 * <h2>Circuit breaker</h2>
 *
 * The breaker is asked once per call, before the first attempt, and told the call's outcome once at
 * its end: faults that the call's own retries absorb are invisible to it, while a call that fails
 * after all its retries counts as one failure. Between attempts the call stops if the breaker
 * opened meanwhile (other calls saw the API fail).
 */
final class CallRunner<T> {
  private final ClientRuntime rt;
  private final Function<ApiResponse, T> decoder;
  private final boolean streaming;
  private final ApiRequest request;
  private final @Nullable String idempotencyKey;
  private final boolean repeatable;
  private final Instant deadline;

  /** Whether each attempt's OkHttp call timeout runs to the deadline, body reading included. */
  private final boolean wholeCallTimeout;

  private final int maxAttempts;
  private final RequestFactory requests;
  private final CallEvents events;

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
  private boolean permitHeld;

  /** Retry-budget tokens this call spent, refunded if it succeeds. */
  @GuardedBy("this")
  private int tokensSpent;

  @GuardedBy("this")
  private boolean finished;

  @GuardedBy("this")
  private @Nullable Runnable cancelDeadline;

  CallRunner(
      ClientRuntime rt, ApiRequest request, Function<ApiResponse, T> decoder, boolean streaming) {
    this.rt = rt;
    this.request = request;
    this.decoder = decoder;
    this.streaming = streaming;
    RequestOptions ro = request.options();
    String invocationId = rt.options.idGenerator().newId();
    String suppliedKey = ro.idempotencyKey();
    this.idempotencyKey =
        suppliedKey != null
            ? suppliedKey
            : request.wantsIdempotencyKey() ? rt.options.idGenerator().newId() : null;
    this.repeatable = RetryDecider.repeatable(request.method(), idempotencyKey);
    Duration timeout = ro.timeout() != null ? ro.timeout() : rt.options.callTimeout();
    this.deadline = rt.options.clock().instant().plus(timeout);
    // A stream may outlive the client's callTimeout (an export takes minutes); a deadline the
    // caller set on the call itself holds for the whole stream.
    this.wholeCallTimeout = !streaming || ro.timeout() != null;
    this.maxAttempts =
        ro.maxAttempts() > 0 ? ro.maxAttempts() : rt.options.retryPolicy().maxAttempts();
    this.requests = new RequestFactory(rt, request, invocationId, idempotencyKey);
    this.events =
        new CallEvents(invocationId, request, idempotencyKey, maxAttempts, rt.options.listeners());
  }

  // ---------------------------------------------------------------------------------------------
  // Synchronous path

  T runSync() {
    try (CallLog.Scope mdc = events.mdc(1)) {
      while (true) {
        Call call = startAttempt();
        mdc.attempt(attemptNumber());
        long t0 = System.nanoTime();
        Outcome outcome;
        try {
          Response response = call.execute();
          outcome =
              streaming && response.isSuccessful()
                  ? Outcome.stream(response, System.nanoTime() - t0)
                  : rt.reader.read(response, t0);
        } catch (IOException e) {
          outcome = ResponseReader.failure(call, e, t0);
        }
        Step<T> step = afterAttempt(outcome);
        if (step.error != null) {
          throw step.error;
        }
        if (step.delayMillis < 0) {
          return step.valueOrThrow();
        }
        try {
          rt.options.sleeper().sleep(Duration.ofMillis(step.delayMillis));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw interrupted(e);
        }
      }
    }
  }

  private synchronized HirfaException interrupted(InterruptedException e) {
    return finish(
        new CallTimeoutException(
            "interrupted while waiting to retry" + ErrorMapper.sent(diagnostics()),
            diagnostics(),
            mayHaveBeenSent,
            e));
  }

  // ---------------------------------------------------------------------------------------------
  // Asynchronous path: the same decisions, driven by OkHttp callbacks; never blocks a thread.

  CompletableFuture<T> runAsync() {
    CallFuture<T> future = new CallFuture<>(this::cancelled);
    if (rt.isClosed()) {
      future.completeExceptionally(closedBeforeStart());
      return future;
    }
    Duration remaining = Duration.between(rt.options.clock().instant(), deadline);
    Runnable cancel =
        rt.scheduleDeadline(() -> deadlineExpired(future), Math.max(0, remaining.toNanos()));
    synchronized (this) {
      cancelDeadline = cancel;
    }
    attemptAsync(future);
    return future;
  }

  private void attemptAsync(CallFuture<T> future) {
    Call call;
    try {
      call = startAttempt();
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    long t0 = System.nanoTime();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            handleAsync(future, ResponseReader.failure(c, e, t0));
          }

          @Override
          public void onResponse(Call c, Response response) {
            handleAsync(
                future,
                streaming && response.isSuccessful()
                    ? Outcome.stream(response, System.nanoTime() - t0)
                    : rt.reader.read(response, t0));
          }
        });
  }

  private void handleAsync(CallFuture<T> future, Outcome outcome) {
    Step<T> step;
    try (CallLog.Scope mdc = events.mdc(attemptNumber())) {
      step = afterAttempt(outcome);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    if (step.isIgnored()) {
      return;
    }
    if (step.error != null) {
      future.completeExceptionally(step.error);
    } else if (step.delayMillis < 0) {
      future.complete(step.valueOrThrow());
    } else {
      var unused =
          rt.options
              .sleeper()
              .delay(Duration.ofMillis(step.delayMillis))
              .whenComplete(
                  (ignored, error) -> {
                    if (error != null) {
                      future.completeExceptionally(error);
                    } else if (!future.isDone()) {
                      attemptAsync(future);
                    }
                  });
    }
  }

  /** The deadline timer fired: a queued or running attempt must not outlive the deadline. */
  private void deadlineExpired(CompletableFuture<T> future) {
    HirfaException error;
    synchronized (this) {
      if (finished) {
        return;
      }
      error =
          finish(
              new CallTimeoutException(
                  "the call's deadline expired"
                      + (attempt == 0 ? " before its first attempt started" : "")
                      + ErrorMapper.sent(diagnostics()),
                  diagnostics(),
                  mayHaveBeenSent,
                  null));
      if (current != null) {
        current.cancel();
      }
    }
    future.completeExceptionally(error);
  }

  /** The caller cancelled the future: cancel the attempt on the wire and stop. */
  private synchronized void cancelled() {
    if (finished) {
      return;
    }
    finished = true;
    releasePermit();
    stopDeadlineTimer();
    if (current != null) {
      current.cancel();
    }
    events.cancelled(attempt, lastStatus);
  }

  // ---------------------------------------------------------------------------------------------
  // Shared decisions

  private synchronized int attemptNumber() {
    return Math.max(1, attempt);
  }

  /** Checks the client, the deadline and the breaker, then creates the next attempt's call. */
  private synchronized Call startAttempt() {
    int next = attempt + 1;
    if (rt.isClosed()) {
      if (next == 1) {
        throw closedBeforeStart();
      }
      throw finish(
          new ConnectionException(
              "the client was closed before attempt " + next,
              diagnostics(),
              mayHaveBeenSent,
              null));
    }
    Duration remaining = Duration.between(rt.options.clock().instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw finish(
          new CallTimeoutException(
              "the call's deadline expired before attempt "
                  + next
                  + ErrorMapper.sent(diagnostics()),
              diagnostics(),
              mayHaveBeenSent,
              null));
    }
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker != null) {
      if (next == 1) {
        if (!breaker.tryAcquirePermission()) {
          throw finish(breakerOpen(breaker, ""));
        }
        permitHeld = true;
      } else if (isOpen(breaker.getState())) {
        throw finish(breakerOpen(breaker, " before attempt " + next));
      }
    }
    attempt = next;
    Call call = rt.http.newCall(requests.attempt(attempt, new AttemptTracker.State()));
    if (wholeCallTimeout) {
      // The attempt may use what is left of the call's deadline, and no more.
      call.timeout().timeout(remaining.toNanos(), TimeUnit.NANOSECONDS);
    }
    current = call;
    return call;
  }

  private static boolean isOpen(CircuitBreaker.State state) {
    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
  }

  @GuardedBy("this")
  private CircuitOpenException breakerOpen(CircuitBreaker breaker, String when) {
    CallDiagnostics d = diagnostics();
    return new CircuitOpenException(
        "circuit breaker '"
            + breaker.getName()
            + "' is "
            + breaker.getState()
            + " and does not permit further calls"
            + when
            + (attempt == 0 ? "; nothing was sent" : ErrorMapper.sent(d)),
        d,
        null);
  }

  private IllegalStateException closedBeforeStart() {
    return new IllegalStateException(
        "the client is closed: "
            + request.method()
            + " "
            + Redactor.redact(request.path())
            + " was not sent; build a new client");
  }

  /** Records the attempt, then returns the value, fails, or plans a retry after a delay. */
  private synchronized Step<T> afterAttempt(Outcome o) {
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
    String rid = o.header("Request-Id");
    if (rid == null && o.problem != null) {
      rid = o.problem.requestId();
    }
    if (rid != null) {
      requestId = Redactor.untrustedId(rid);
    }
    T value = null;
    if (o.isSuccess()) {
      try {
        value = decoder.apply(response(o));
      } catch (DecodeFailure e) {
        o = o.undecodable(e);
      }
    }
    last = o;
    Decision d =
        rt.resilience.decider.decide(
            o,
            new RetryDecider.CallSoFar(
                attempt, polls, maxAttempts, repeatable, rt.options.clock().instant(), deadline));
    switch (d.action()) {
      case RETURN -> {
        events.attempt(attempt, o, requestId, null, null, "");
        end(null);
        return Step.value(value);
      }
      case RETRY -> {
        HirfaException error = ErrorMapper.toException(o, diagnostics());
        events.attempt(
            attempt,
            o,
            requestId,
            error,
            Duration.ofMillis(d.delayMillis()),
            "; retrying in " + d.delayMillis() + " ms");
        if (d.poll()) {
          polls++;
        } else {
          tokensSpent++;
        }
        return Step.retry(d.delayMillis());
      }
      case STOP -> {
        HirfaException error = ErrorMapper.toException(o, diagnostics());
        if (!d.reason().isEmpty()) {
          error.addSuppressed(new StopReason("not retried: " + d.reason()));
        }
        events.attempt(
            attempt,
            o,
            requestId,
            error,
            null,
            d.reason().isEmpty() ? "" : "; not retried: " + d.reason());
        return Step.error(finish(error));
      }
    }
    throw new AssertionError(d);
  }

  @GuardedBy("this")
  private ApiResponse response(Outcome o) {
    return new ApiResponse(o.status, o.headers, o.body, diagnostics(), o.open);
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
        idempotencyKey,
        attempt,
        mayHaveBeenSent);
  }

  /** Ends the call with {@code error}; returns it to be thrown. */
  @GuardedBy("this")
  private HirfaException finish(HirfaException error) {
    end(error);
    return error;
  }

  /** Ends the call once: tells the breaker and the listeners, stops the deadline timer. */
  @GuardedBy("this")
  private void end(@Nullable HirfaException error) {
    finished = true;
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker != null && permitHeld) {
      permitHeld = false;
      long nanos = last == null ? 0 : last.durationNanos;
      if (error == null || !countsAsApiFailure(error)) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
      } else {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, new StopReason("call failed"));
      }
    }
    if (error == null && tokensSpent == 0) {
      rt.resilience.budget.onSuccess();
    } else if (error == null) {
      rt.resilience.budget.refund(tokensSpent);
    }
    stopDeadlineTimer();
    events.call(attempt, lastStatus, error);
  }

  /** 5xx, timeouts and connection failures count; every 4xx and a decoding failure do not. */
  @GuardedBy("this")
  private boolean countsAsApiFailure(HirfaException error) {
    Outcome o = last;
    return error instanceof ConnectionException
        || error instanceof CircuitOpenException
        || (o != null && o.isServerFailure());
  }

  @GuardedBy("this")
  private void releasePermit() {
    CircuitBreaker breaker = rt.resilience.breaker;
    if (breaker != null && permitHeld) {
      permitHeld = false;
      breaker.releasePermission();
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

  /** The decision after an attempt: exactly one of a value, an error, or a delay to retry after. */
  private record Step<T>(@Nullable T value, @Nullable HirfaException error, long delayMillis) {
    static final Step<?> IGNORED_STEP = new Step<>(null, null, -2);

    @SuppressWarnings("unchecked")
    static <T> Step<T> ignored() {
      return (Step<T>) IGNORED_STEP;
    }

    static <T> Step<T> value(@Nullable T value) {
      return new Step<>(value, null, -1);
    }

    static <T> Step<T> retry(long delayMillis) {
      return new Step<>(null, null, delayMillis);
    }

    static <T> Step<T> error(HirfaException error) {
      return new Step<>(null, error, -1);
    }

    boolean isIgnored() {
      return delayMillis == -2;
    }

    /** The value of a successful call; decoders never return null. */
    T valueOrThrow() {
      return java.util.Objects.requireNonNull(value, "decoded value");
    }
  }

  /** Says, on an exception, why the SDK stopped retrying; carries no stack trace. */
  static final class StopReason extends Exception {
    private static final long serialVersionUID = 1L;

    StopReason(String reason) {
      super(reason.toLowerCase(Locale.ROOT), null, false, false);
    }
  }
}
