package ma.hirfa.sdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt produced: a response read whole, or a transport failure. Classifies itself:
 * whether the attempt may be retried and whether the circuit breaker counts it as a failure.
 */
final class Outcome {
  /** Statuses worth another attempt for a call that is safe to repeat. */
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 425, 429, 500, 502, 503, 504);

  final int status;
  final @Nullable Headers headers;
  final byte @Nullable [] body;
  final @Nullable IOException failure;
  final boolean mayHaveBeenSent;
  final boolean deadlineExceeded;
  final boolean bodyTooLarge;
  final long durationNanos;
  final @Nullable Duration retryAfter;

  /** For a streaming call: the successful response, still open, its body unread. */
  final @Nullable Response open;

  /** The problem code, filled in by the runner once the body is parsed. */
  @Nullable String problemCode;

  private Outcome(
      int status,
      @Nullable Headers headers,
      byte @Nullable [] body,
      @Nullable IOException failure,
      boolean mayHaveBeenSent,
      boolean deadlineExceeded,
      boolean bodyTooLarge,
      long durationNanos,
      @Nullable Duration retryAfter,
      @Nullable Response open) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.failure = failure;
    this.mayHaveBeenSent = mayHaveBeenSent;
    this.deadlineExceeded = deadlineExceeded;
    this.bodyTooLarge = bodyTooLarge;
    this.durationNanos = durationNanos;
    this.retryAfter = retryAfter;
    this.open = open;
  }

  static Outcome response(
      int status, Headers headers, byte[] body, long nanos, @Nullable Duration retryAfter) {
    return new Outcome(status, headers, body, null, true, false, false, nanos, retryAfter, null);
  }

  static Outcome tooLarge(int status, Headers headers, long nanos) {
    return new Outcome(status, headers, null, null, true, false, true, nanos, null, null);
  }

  static Outcome failure(
      IOException e, boolean mayHaveBeenSent, boolean deadlineExceeded, long nanos) {
    // A refused connection or an unresolvable host proves the request never left.
    boolean sent =
        mayHaveBeenSent
            && !(e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException);
    return new Outcome(0, null, null, e, sent, deadlineExceeded, false, nanos, null, null);
  }

  /** A successful streaming response, handed to the caller open. */
  static Outcome stream(Response response, long nanos) {
    return new Outcome(
        response.code(), response.headers(), null, null, true, false, false, nanos, null, response);
  }

  boolean isSuccess() {
    return failure == null && !bodyTooLarge && ((status >= 200 && status < 300) || status == 304);
  }

  boolean isTimeout() {
    return deadlineExceeded
        || failure instanceof SocketTimeoutException
        || (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage()));
  }

  /** Whether a call that is safe to repeat should be repeated after this attempt. */
  boolean retryable() {
    if (deadlineExceeded || bodyTooLarge) {
      return false;
    }
    if (failure != null) {
      return true;
    }
    return RETRYABLE_STATUS.contains(status)
        || (status == 409 && "idempotency_key_in_use".equals(problemCode));
  }

  /** Whether the circuit breaker counts this attempt as the API failing; a 4xx never does. */
  boolean countsAgainstBreaker() {
    return failure != null || status >= 500;
  }

  @Nullable String header(String name) {
    return headers == null ? null : headers.get(name);
  }
}
