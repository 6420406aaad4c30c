package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * 5xx: the platform failed. Retried automatically (see {@link RetryPolicy}); when this reaches the
 * caller the retries are exhausted. For a POST, retrying with the same {@link #idempotencyKey()} is
 * always safe.
 */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }
}
