package ma.hirfa.sdk.core;

import ma.hirfa.sdk.core.internal.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * What the SDK knows about the call behind an exception: enough to find it in the platform's logs
 * and to retry it safely. Every field is free of secrets and personal data.
 *
 * @param method the HTTP method, like {@code POST}
 * @param path the request path without the query string, like {@code /v1/payments}
 * @param status the HTTP status of the last response, or 0 when no response was received
 * @param code the problem {@code code} returned by the API, if any
 * @param requestId the {@code Request-Id} of the last response, if any
 * @param idempotencyKey the {@code Idempotency-Key} sent on every attempt, if the call had one
 * @param attempts how many attempts were made (1 when the call was not retried)
 */
public record CallDiagnostics(
    String method,
    String path,
    int status,
    @Nullable String code,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    int attempts) {

  String describe() {
    StringBuilder sb =
        new StringBuilder(" (").append(method).append(' ').append(Redactor.redact(path));
    if (status != 0) {
      sb.append(", status=").append(status);
    }
    if (code != null) {
      sb.append(", code=").append(code);
    }
    if (requestId != null) {
      sb.append(", request_id=").append(requestId);
    }
    if (idempotencyKey != null) {
      sb.append(", idempotency_key=").append(idempotencyKey);
    }
    return sb.append(", attempts=").append(attempts).append(')').toString();
  }
}
