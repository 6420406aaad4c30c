package ma.hirfa.sdk.core.internal;

import java.time.Duration;
import java.util.List;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * What one call tells the world: a DEBUG line per attempt, {@link CallListener} events, and the
 * MDC. Events are built only when someone logs or listens.
 */
final class CallEvents {
  private final String invocationId;
  private final String method;
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
    this.method = request.method();
    this.path = request.path();
    this.idempotencyKey = idempotencyKey;
    this.maxAttempts = maxAttempts;
    this.listeners = listeners;
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
      String decision) {
    if (!CallLog.debugEnabled() && listeners.isEmpty()) {
      return;
    }
    AttemptEvent e =
        new AttemptEvent(
            invocationId,
            method,
            path,
            attempt,
            o.status,
            requestId,
            idempotencyKey,
            Duration.ofNanos(o.durationNanos),
            error == null ? null : error.getClass().getSimpleName(),
            retryIn);
    CallLog.attempt(e, maxAttempts, decision);
    CallLog.notifyAttempt(listeners, e);
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
    CallLog.notifyCall(
        listeners,
        new CallEvent(
            invocationId,
            method,
            path,
            attempts,
            status,
            Duration.ofNanos(System.nanoTime() - startNanos),
            failure));
  }
}
