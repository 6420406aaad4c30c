package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * 412: an update sent {@code If-Match} with a version that is no longer current; someone changed
 * the object since you read it. Nothing was changed. Read the object again ({@link #currentEtag()}
 * says which version the server holds), merge, and send the update with the new version. Not
 * retried.
 */
public class VersionConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String currentEtag;

  public VersionConflictException(
      String message,
      CallDiagnostics diagnostics,
      @Nullable Problem problem,
      @Nullable String currentEtag) {
    super(message, diagnostics, problem);
    this.currentEtag = currentEtag;
  }

  /** The {@code ETag} of the version the server holds now, when it said so. */
  public @Nullable String currentEtag() {
    return currentEtag;
  }
}
