package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * 409 (or 412, as its subclass {@link VersionConflictException}): the object changed under the
 * caller (a stale {@code If-Match} version, or a state transition that is no longer allowed).
 * Re-read the object, then decide. Not retried.
 */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }
}
