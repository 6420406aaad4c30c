package ma.hirfa.sdk.core;

import ma.hirfa.sdk.core.internal.log.Redactor;
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
 * @param mayHaveBeenSent whether any attempt of the call may have reached the API: false only when
 *     the SDK knows that none did (every connection was refused, or nothing was attempted). Once
 *     true for one attempt it stays true for the call, whatever the later attempts did.
 */
public record CallDiagnostics(
    String method,
    String path,
    int status,
    @Nullable String code,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    int attempts,
    boolean mayHaveBeenSent) {

  /**
   * Diagnostics of a call that made {@code attempts} attempts; it may have been sent as soon as one
   * attempt was made (the cautious answer when nothing better is known).
   */
  public CallDiagnostics(
      String method,
      String path,
      int status,
      @Nullable String code,
      @Nullable String requestId,
      @Nullable String idempotencyKey,
      int attempts) {
    this(method, path, status, code, requestId, idempotencyKey, attempts, attempts > 0);
  }

  String describe() {
    StringBuilder sb =
        new StringBuilder(" (").append(method).append(' ').append(Redactor.redact(path));
    if (status != 0) {
      sb.append(", status=").append(status);
    }
    if (code != null) {
      sb.append(", code=").append(Redactor.untrustedId(code));
    }
    if (requestId != null) {
      sb.append(", request_id=").append(Redactor.untrustedId(requestId));
    }
    if (idempotencyKey != null) {
      sb.append(", idempotency_key=").append(idempotencyKey);
    }
    return sb.append(", attempts=").append(attempts).append(')').toString();
  }
}
