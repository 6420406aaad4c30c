package ma.hirfa.sdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with a success status but a body the SDK could not read: malformed or truncated
 * JSON, a wrong content type, a value of the wrong type, a required field missing, or a body larger
 * than the SDK accepts. The operation may have succeeded on the server; re-read the object by id or
 * retry with the same {@link #idempotencyKey()}.
 */
public class ResponseDecodingException extends HirfaException {
  private static final long serialVersionUID = 1L;

  public ResponseDecodingException(
      String message, @Nullable CallDiagnostics diagnostics, @Nullable Throwable cause) {
    super(message, diagnostics, cause);
  }
}
