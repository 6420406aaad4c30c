package ma.hirfa.sdk.core.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.internal.log.CallLog;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What one call tells the world: a DEBUG line per attempt, {@link CallListener} events, and the
 * MDC. Events are built only when someone logs or listens.
 */
final class CallEvents {
  private final String invocationId;
  private final String operation;
  private final String method;
  private final String urlTemplate;
  private final String path;
  private final @Nullable String idempotencyKey;
  private final int maxAttempts;
  private final List<CallListener> listeners;
  private final long startNanos = System.nanoTime();

  CallEvents(
      String invocationId,
      ApiRequest request,
      @Nullable String idempotencyKey,
      int maxAttempts,
      List<CallListener> listeners) {
    this.invocationId = invocationId;
    this.operation = request.operation().id();
    this.method = request.method();
    this.urlTemplate = request.operation().template();
    this.path = request.path();
    this.idempotencyKey = idempotencyKey;
    this.maxAttempts = maxAttempts;
    this.listeners = listeners;
  }

  /** The call is about to make its first attempt. */
  void started(String serverAddress) {
    if (listeners.isEmpty()) {
      return;
    }
    CallStart start =
        new CallStart(
            invocationId,
            operation,
            method,
            urlTemplate,
            serverAddress,
            idempotencyKey,
            maxAttempts);
    tell("callStarted", l -> l.callStarted(start));
  }

  /**
   * Attempt {@code attempt} is about to be sent; listeners may add headers through {@code sink}.
   */
  void attemptStarting(int attempt, BiConsumer<String, String> sink) {
    if (listeners.isEmpty()) {
      return;
    }
    AttemptStart start = new AttemptStart(invocationId, operation, attempt);
    tell("attemptStarted", l -> l.attemptStarted(start, sink));
  }

  CallLog.Scope mdc(int attempt) {
    return CallLog.mdc(invocationId, idempotencyKey, attempt);
  }

  /**
   * One attempt ended: {@code error} is what it failed with (null for a success), {@code retryIn}
   * the back-off before the next attempt (null when there is none), {@code decision} the log's
   * explanation of what happens next.
   */
  void attempt(
      int attempt,
      Outcome o,
      @Nullable String requestId,
      @Nullable HirfaException error,
      @Nullable Duration retryIn,
      @Nullable String stopReason,
      String decision) {
    if (!CallLog.debugEnabled() && listeners.isEmpty()) {
      return;
    }
    AttemptEvent e =
        new AttemptEvent(
            invocationId,
            operation,
            method,
            urlTemplate,
            path,
            attempt,
            o.status,
            requestId,
            idempotencyKey,
            Duration.ofNanos(o.durationNanos),
            error == null ? null : error.getClass().getSimpleName(),
            retryIn,
            stopReason);
    CallLog.attempt(e, maxAttempts, decision);
    tell("attemptFinished", l -> l.attemptFinished(e));
  }

  /** The call ended after {@code attempts} attempts, with {@code error} or successfully. */
  void call(int attempts, int status, @Nullable HirfaException error) {
    call(attempts, status, error == null ? null : error.getClass().getSimpleName());
  }

  /** The caller cancelled the call. */
  void cancelled(int attempts, int status) {
    call(attempts, status, "CancellationException");
  }

  private void call(int attempts, int status, @Nullable String failure) {
    if (listeners.isEmpty()) {
      return;
    }
    CallEvent e =
        new CallEvent(
            invocationId,
            operation,
            method,
            urlTemplate,
            path,
            attempts,
            status,
            Duration.ofNanos(System.nanoTime() - startNanos),
            failure);
    tell("callFinished", l -> l.callFinished(e));
  }

  /** Hands an event to each listener; one that throws is logged and does not stop the others. */
  private void tell(String event, Consumer<CallListener> delivery) {
    for (CallListener l : listeners) {
      try {
        delivery.accept(l);
      } catch (RuntimeException ex) {
        CallLog.LOG.warn("CallListener {} failed in {}", l.getClass().getName(), event, ex);
      }
    }
  }
}
