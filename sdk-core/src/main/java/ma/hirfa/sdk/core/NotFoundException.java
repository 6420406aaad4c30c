package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/** 404: the object does not exist (or is not visible to this key). Not retried. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }
}
