package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/** 403: the API key is valid but may not perform this operation. Not retried. */
public class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionException(
      String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }
}
