package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. Subclasses name the usual remedies; an {@code
 * ApiException} itself is thrown for statuses without one (like 418). {@link #problem()} holds the
 * parsed RFC 9457 body when the API sent one.
 */
public class ApiException extends HirfaException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Problem problem;

  public ApiException(String message, CallDiagnostics diagnostics, @Nullable Problem problem) {
    super(message, diagnostics, null);
    this.problem = problem;
  }

  /** The problem details the API returned, or null when the body was not a problem document. */
  public @Nullable Problem problem() {
    return problem;
  }
}
