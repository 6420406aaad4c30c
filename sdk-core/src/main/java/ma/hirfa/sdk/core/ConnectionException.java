package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The network failed before a complete response arrived: connection refused, reset, TLS failure,
 * unknown host. {@link #mayHaveBeenSent()} says whether the API may have received and processed the
 * request. When it is true and the call moves money, retry with the same {@link #idempotencyKey()}:
 * the API answers a replay with the first response and never creates a second object.
 */
public class ConnectionException extends HirfaException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveBeenSent;

  public ConnectionException(
      String message,
      CallDiagnostics diagnostics,
      boolean mayHaveBeenSent,
      @Nullable Throwable cause) {
    super(
        message
            + (mayHaveBeenSent ? "; the request may have been sent" : "; the request was not sent"),
        diagnostics,
        cause);
    this.mayHaveBeenSent = mayHaveBeenSent;
  }

  /**
   * False only when the SDK knows the request never left (the connection was refused, or the host
   * could not be resolved). True means the API may have processed it.
   */
  @Override
  public boolean mayHaveBeenSent() {
    return mayHaveBeenSent;
  }
}
