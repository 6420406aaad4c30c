package ma.hirfa.sdk.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 400 or 422: the API refused the request's content. {@link #fieldErrors()} lists each refused
 * field (RFC 9457 {@code errors[]}). Fix the request; retrying it unchanged fails again.
 */
public class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(
      String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, problem);
  }

  /** The refused fields; empty when the API did not name any. */
  public List<FieldError> fieldErrors() {
    Problem p = problem();
    return p == null ? List.of() : p.errors();
  }
}
