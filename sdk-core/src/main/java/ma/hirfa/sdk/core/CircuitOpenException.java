package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The SDK's circuit breaker for this API is open: recent attempts failed often enough (5xx,
 * timeouts, connection failures; never 4xx) that the SDK stops calling for a while instead of
 * adding load to a failing platform. When the breaker was open before the call began, nothing was
 * sent; when it opened between two attempts of the call, an earlier attempt may have reached the
 * API: {@link #mayHaveBeenSent()} says which, and {@link #idempotencyKey()} settles it. See {@link
 * CircuitBreakerPolicy}.
 */
public class CircuitOpenException extends HirfaException {
  private static final long serialVersionUID = 1L;

  public CircuitOpenException(
      String message, CallDiagnostics diagnostics, @Nullable Throwable cause) {
    super(message, diagnostics, cause);
  }
}
