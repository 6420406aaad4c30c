package ma.hirfa.sdk.core.internal.http;

import ma.hirfa.sdk.core.ApiException;
import ma.hirfa.sdk.core.AuthenticationException;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConflictException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.IdempotencyException;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.PermissionException;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.ServerException;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Turns the last attempt of a call into the SDK's typed exception, split by the caller's remedy.
 * The diagnostics describe the whole call (see {@link CallRunner}): once any attempt may have been
 * sent, every exception of the call says so, whatever its type.
 *
 * <p>Every text that came from outside (a problem document, an I/O error) is redacted where it is
 * inserted, and capped: an error body just under {@code maxResponseBytes} must not become a
 * 26-million-character message. The parsed problem stays whole on {@link ApiException#problem()}.
 */
final class ErrorMapper {
  /** The longest server-provided text an exception message quotes. */
  static final int MESSAGE_LIMIT = 1_000;

  /** The field errors a message lists; {@link ApiException#problem()} has them all. */
  static final int MESSAGE_FIELD_ERRORS = 10;

  private ErrorMapper() {}

  static HirfaException toException(Outcome o, CallDiagnostics d) {
    Exception failure = o.failure;
    if (o.kind == Outcome.Kind.UNDECODABLE && failure != null) {
      return new ResponseDecodingException(failure.getMessage() + sent(d), d, failure.getCause());
    }
    if (o.kind == Outcome.Kind.FAILURE && failure != null) {
      String what = describe(failure);
      if (o.deadlineExceeded) {
        return new CallTimeoutException(
            "the call's deadline expired (" + what + ")", d, d.mayHaveBeenSent(), failure);
      }
      if (failure instanceof java.io.InterruptedIOException) {
        return new CallTimeoutException(
            "the attempt timed out (" + what + ")", d, d.mayHaveBeenSent(), failure);
      }
      return new ConnectionException(
          "the connection failed (" + what + ")", d, d.mayHaveBeenSent(), failure);
    }
    if (o.kind == Outcome.Kind.TOO_LARGE) {
      return new ResponseDecodingException(
          "the response body exceeds maxResponseBytes" + sent(d), d, null);
    }
    return forStatus(o, d);
  }

  private static HirfaException forStatus(Outcome o, CallDiagnostics d) {
    Problem problem = o.problem;
    String message = message(o.status, problem);
    int s = o.status;
    String code = problem == null ? null : problem.code();
    if (s == 401) {
      return new AuthenticationException(message, d, problem);
    }
    if (s == 403) {
      return new PermissionException(message, d, problem);
    }
    if (s == 404) {
      return new NotFoundException(message + earlierAttempts(d), d, problem);
    }
    if ((s == 409 || s == 422) && code != null && code.startsWith("idempotency_key")) {
      return new IdempotencyException(message, d, problem);
    }
    if (s == 412) {
      return new VersionConflictException(
          message + earlierAttempts(d), d, problem, o.header("ETag"));
    }
    if (s == 409) {
      return new ConflictException(message + earlierAttempts(d), d, problem);
    }
    if (s == 400 || s == 422) {
      return new InvalidRequestException(message, d, problem);
    }
    if (s == 429) {
      return new RateLimitException(message, d, problem, o.retryAfter);
    }
    if (s >= 500) {
      return new ServerException(message + sent(d), d, problem);
    }
    return new ApiException(message, d, problem);
  }

  /**
   * Said of a 404, 409 or 412 that follows an attempt which may have been applied: the write may
   * exist (a server that did not replay the key answered the retry against the new state).
   */
  private static String earlierAttempts(CallDiagnostics d) {
    return d.attempts() > 1
        ? "; an earlier attempt of this call may have been applied: read the object before"
            + " retrying"
        : "";
  }

  /** A call started on a closed client: nothing was sent. */
  static IllegalStateException closed(ApiRequest request) {
    return new IllegalStateException(
        "the client is closed: "
            + request.method()
            + " "
            + Redactor.redact(request.path())
            + " was not sent; build a new client");
  }

  /** The call's deadline passed ({@code what} says when), with the truth about what was sent. */
  static CallTimeoutException timeout(String what, CallDiagnostics d) {
    return timeout(what, d, null);
  }

  /** As above, with its cause (set here: a throwable built with a null cause cannot take one). */
  static CallTimeoutException timeout(String what, CallDiagnostics d, @Nullable Throwable cause) {
    return new CallTimeoutException(what + sent(d), d, d.mayHaveBeenSent(), cause);
  }

  /** The breaker refused the call ({@code when}: before which attempt, or empty for the first). */
  static CircuitOpenException breakerOpen(String breaker, String when, CallDiagnostics d) {
    return new CircuitOpenException(
        breaker
            + " and does not permit further calls"
            + when
            + (d.attempts() == 0 ? "; nothing was sent" : sent(d)),
        d,
        null);
  }

  /** What a failure that is not an API answer says about the request having left. */
  static String sent(CallDiagnostics d) {
    return d.mayHaveBeenSent()
        ? "; the request may have been sent: retry with the same idempotency key"
        : "; the request was not sent";
  }

  /** A transport or decoding failure as text: its type and its message, redacted and capped. */
  static String describe(Throwable failure) {
    String m = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (m == null ? "" : ": " + Redactor.redact(Redactor.cut(m, MESSAGE_LIMIT)));
  }

  /** The problem's title, detail and first field errors, already redacted when parsed. */
  static String message(int status, @Nullable Problem p) {
    if (p == null) {
      return "the API answered HTTP " + status;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(p.title() != null ? p.title() : "the API answered HTTP " + status);
    if (p.detail() != null) {
      sb.append(": ").append(Redactor.cut(p.detail(), MESSAGE_LIMIT));
    }
    int n = p.errors().size();
    if (n > 0) {
      sb.append(" [");
      for (int i = 0; i < Math.min(n, MESSAGE_FIELD_ERRORS); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(p.errors().get(i).field()).append(": ").append(p.errors().get(i).code());
      }
      if (n > MESSAGE_FIELD_ERRORS) {
        sb.append(", and ").append(n - MESSAGE_FIELD_ERRORS).append(" more");
      }
      sb.append(']');
    }
    return sb.toString();
  }
}
