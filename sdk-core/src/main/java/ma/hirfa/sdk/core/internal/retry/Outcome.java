package ma.hirfa.sdk.core.internal.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import okhttp3.Headers;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt produced, immutable: a response read whole (with its problem document parsed if
 * it was an error), a streaming response handed over open, a body too large to read, a successful
 * response the caller could not decode, or a transport failure.
 *
 * <p>It only describes the attempt; {@link RetryDecider} decides what to do about it.
 *
 * <p>Internal: public only for the call engine in {@code internal.http}, which produces outcomes
 * and reports them; not an API.
 */
public final class Outcome {
  /** What kind of result an attempt had. */
  public enum Kind {
    /** A status and a body read whole. */
    RESPONSE,
    /** A successful streaming response, still open, its body unread. */
    STREAM,
    /** A status arrived but the body was larger than maxResponseBytes. */
    TOO_LARGE,
    /** A 2xx whose body the caller's decoder refused (truncated by a proxy, say). */
    UNDECODABLE,
    /** No complete response: refused, reset, timed out, cut mid-body. */
    FAILURE
  }

  public final Kind kind;
  public final int status;
  public final Headers headers;
  public final byte[] body;
  public final @Nullable Problem problem;
  public final @Nullable Exception failure;

  /**
   * Whether this attempt may have reached the API. False only when the SDK knows it did not: the
   * connection was refused or the host unknown before a byte of the request was written.
   */
  public final boolean mayHaveBeenSent;

  /** The call's own deadline (not an attempt's read timeout) ended this attempt. */
  public final boolean deadlineExceeded;

  public final long durationNanos;
  public final @Nullable Duration retryAfter;
  public final @Nullable Response open;

  private Outcome(
      Kind kind,
      int status,
      Headers headers,
      byte[] body,
      @Nullable Problem problem,
      @Nullable Exception failure,
      boolean mayHaveBeenSent,
      boolean deadlineExceeded,
      long durationNanos,
      @Nullable Duration retryAfter,
      @Nullable Response open) {
    this.kind = kind;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.problem = problem;
    this.failure = failure;
    this.mayHaveBeenSent = mayHaveBeenSent;
    this.deadlineExceeded = deadlineExceeded;
    this.durationNanos = durationNanos;
    this.retryAfter = retryAfter;
    this.open = open;
  }

  private static final byte[] EMPTY = new byte[0];

  public static Outcome response(
      int status,
      Headers headers,
      byte[] body,
      @Nullable Problem problem,
      long nanos,
      @Nullable Duration retryAfter) {
    return new Outcome(
        Kind.RESPONSE, status, headers, body, problem, null, true, false, nanos, retryAfter, null);
  }

  public static Outcome stream(Response response, long nanos) {
    return new Outcome(
        Kind.STREAM,
        response.code(),
        response.headers(),
        EMPTY,
        null,
        null,
        true,
        false,
        nanos,
        null,
        response);
  }

  public static Outcome tooLarge(int status, Headers headers, long nanos) {
    return new Outcome(
        Kind.TOO_LARGE, status, headers, EMPTY, null, null, true, false, nanos, null, null);
  }

  /** A successful response whose body could not be decoded as the caller's type. */
  public Outcome undecodable(DecodeFailure error) {
    return new Outcome(
        Kind.UNDECODABLE,
        status,
        headers,
        EMPTY,
        null,
        error,
        true,
        false,
        durationNanos,
        null,
        null);
  }

  /**
   * A transport failure. {@code wroteRequest} says whether OkHttp began writing the request; even
   * then, a refused connection or an unresolvable host proves the request never left.
   */
  public static Outcome failure(
      IOException e, boolean wroteRequest, boolean deadlineExceeded, long nanos) {
    boolean sent =
        wroteRequest
            && !(e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException);
    return new Outcome(
        Kind.FAILURE, 0, Headers.of(), EMPTY, null, e, sent, deadlineExceeded, nanos, null, null);
  }

  /** The body was cut after the status arrived: the API processed the request. */
  public static Outcome cutBody(
      int status, Headers headers, IOException e, boolean deadline, long nanos) {
    return new Outcome(
        Kind.FAILURE, status, headers, EMPTY, null, e, true, deadline, nanos, null, null);
  }

  public boolean isSuccess() {
    return (kind == Kind.RESPONSE || kind == Kind.STREAM)
        && ((status >= 200 && status < 300) || status == 304);
  }

  /** Whether the circuit breaker should count this as the API failing; a 4xx never does. */
  public boolean isServerFailure() {
    return kind == Kind.FAILURE || (kind == Kind.RESPONSE && status >= 500);
  }

  public @Nullable String problemCode() {
    return problem == null ? null : problem.code();
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The request id the server gave: its {@code Request-Id} header, else the problem's. */
  public @Nullable String requestId() {
    String rid = header("Request-Id");
    return rid == null && problem != null ? problem.requestId() : rid;
  }
}
