package ma.hirfa.sdk.core;

import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws. It is unchecked; subclasses are split by what the
 * caller can do about the failure:
 *
 * <ul>
 *   <li>{@link ValidationException}: fix the input; nothing was sent.
 *   <li>{@link ApiException} and its subclasses: the API answered with an error status.
 *   <li>{@link ConnectionException} and {@link CallTimeoutException}: the network failed; check
 *       {@link ConnectionException#mayHaveBeenSent()} and retry with the same {@link
 *       #idempotencyKey()}.
 *   <li>{@link ResponseDecodingException}: the API answered with a body the SDK could not read.
 *   <li>{@link CircuitOpenException}: the SDK stopped calling an API that keeps failing.
 * </ul>
 *
 * <p>Messages never contain API keys, webhook secrets, card numbers, CVV, RIB/IBAN or phone
 * numbers: what came from outside the SDK is redacted where it is quoted, and every message passes
 * a last check for keys, bearer tokens and card numbers.
 */
public class HirfaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable CallDiagnostics diagnostics;

  public HirfaException(
      String message, @Nullable CallDiagnostics diagnostics, @Nullable Throwable cause) {
    super(
        Redactor.scrubSecrets(message) + (diagnostics == null ? "" : diagnostics.describe()),
        cause);
    this.diagnostics = diagnostics;
  }

  /** The call behind this exception, or null when nothing was sent (input validation). */
  public @Nullable CallDiagnostics diagnostics() {
    return diagnostics;
  }

  /** The HTTP status of the last response, or 0 when there was none. */
  public int status() {
    return diagnostics == null ? 0 : diagnostics.status();
  }

  /** The API's problem {@code code}, like {@code card_declined}, if any. */
  public @Nullable String code() {
    return diagnostics == null ? null : diagnostics.code();
  }

  /** The {@code Request-Id} of the last response, to quote to the platform's support. */
  public @Nullable String requestId() {
    return diagnostics == null ? null : diagnostics.requestId();
  }

  /** The idempotency key of the call; retrying with it can never create a second object. */
  public @Nullable String idempotencyKey() {
    return diagnostics == null ? null : diagnostics.idempotencyKey();
  }

  /**
   * Whether any attempt of the call may have reached the API, so that a write may exist: false only
   * when the SDK knows none did (input refused, every connection refused, the breaker open from the
   * start). Once one attempt may have been sent, every exception of the call says so, whatever
   * happened after. When true and the call writes, retry with the same {@link #idempotencyKey()},
   * or read the object, before acting again.
   */
  public boolean mayHaveBeenSent() {
    return diagnostics != null && diagnostics.mayHaveBeenSent();
  }

  /** How many attempts were made, or 0 when nothing was sent. */
  public int attempts() {
    return diagnostics == null ? 0 : diagnostics.attempts();
  }
}
