package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The API refused an {@code Idempotency-Key}. Two cases, told apart by {@link #keyReused()}:
 *
 * <ul>
 *   <li>{@code 422 idempotency_key_reused}: the key was already used with a different request body.
 *       This is a bug in the caller: a key names one logical operation. Use a new key for a new
 *       operation.
 *   <li>{@code 409 idempotency_key_in_use}: the first request with this key is still being
 *       processed. The SDK retries this case itself; it reaches the caller only when the retries
 *       are exhausted. Retrying later with the same key is safe.
 * </ul>
 */
public class IdempotencyException extends ApiException {
  private static final long serialVersionUID = 1L;

  public IdempotencyException(
      String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }

  /**
   * True when the key was reused with another body (422); false when it is still in flight (409).
   */
  public boolean keyReused() {
    return status() == 422;
  }
}
