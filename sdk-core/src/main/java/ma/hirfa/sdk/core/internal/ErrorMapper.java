package ma.hirfa.sdk.core.internal;

import java.io.IOException;
import java.util.Locale;
import ma.hirfa.sdk.core.ApiException;
import ma.hirfa.sdk.core.AuthenticationException;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
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
import org.jspecify.annotations.Nullable;

/** Turns a failed attempt into the SDK's typed exception, split by the caller's remedy. */
final class ErrorMapper {
  private ErrorMapper() {}

  /** Parses an RFC 9457 body, or returns null when the body is not a readable problem. */
  static @Nullable Problem parseProblem(Outcome o, Json json) {
    byte[] body = o.body;
    String type = o.header("Content-Type");
    if (body == null
        || body.length == 0
        || type == null
        || !type.toLowerCase(Locale.ROOT).contains("json")) {
      return null;
    }
    try {
      return json.decode(body, TypeRef.of(Problem.class));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static HirfaException toException(Outcome o, @Nullable Problem problem, CallDiagnostics d) {
    IOException failure = o.failure;
    if (failure != null) {
      String what =
          failure.getClass().getSimpleName()
              + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
      if (o.isTimeout()) {
        String message =
            o.deadlineExceeded
                ? "the call's deadline expired"
                : "the attempt timed out (" + what + ")";
        return new CallTimeoutException(message, d, o.mayHaveBeenSent, failure);
      }
      return new ConnectionException(
          "the connection failed (" + what + ")", d, o.mayHaveBeenSent, failure);
    }
    if (o.bodyTooLarge) {
      return new ResponseDecodingException("the response body exceeds maxResponseBytes", d, null);
    }
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
      return new NotFoundException(message, d, problem);
    }
    if ((s == 409 || s == 422) && code != null && code.startsWith("idempotency_key")) {
      return new IdempotencyException(message, d, problem);
    }
    if (s == 412) {
      return new VersionConflictException(message, d, problem, o.header("ETag"));
    }
    if (s == 409) {
      return new ConflictException(message, d, problem);
    }
    if (s == 400 || s == 422) {
      return new InvalidRequestException(message, d, problem);
    }
    if (s == 429) {
      return new RateLimitException(message, d, problem, o.retryAfter);
    }
    if (s >= 500) {
      return new ServerException(message, d, problem);
    }
    return new ApiException(message, d, problem);
  }

  private static String message(int status, @Nullable Problem p) {
    if (p == null) {
      return "the API answered HTTP " + status;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(p.title() != null ? p.title() : "the API answered HTTP " + status);
    if (p.detail() != null) {
      sb.append(": ").append(p.detail());
    }
    if (!p.errors().isEmpty()) {
      sb.append(" [");
      for (int i = 0; i < p.errors().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(p.errors().get(i).field()).append(": ").append(p.errors().get(i).code());
      }
      sb.append(']');
    }
    return sb.toString();
  }
}
