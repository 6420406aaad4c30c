package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * A timeout expired: an attempt's connect, read or write timeout, or the call's overall deadline
 * ({@link ClientOptions#callTimeout()} or {@link RequestOptions#timeout()}). The request may have
 * been processed; retry with the same {@link #idempotencyKey()}.
 */
public class CallTimeoutException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  public CallTimeoutException(
      String message,
      CallDiagnostics diagnostics,
      boolean mayHaveBeenSent,
      @Nullable Throwable cause) {
    super(message, diagnostics, mayHaveBeenSent, cause);
  }
}
