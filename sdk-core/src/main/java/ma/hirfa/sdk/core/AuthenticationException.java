package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/** 401: the API key is missing, malformed, revoked or for the wrong environment. Not retried. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(
      String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }
}
