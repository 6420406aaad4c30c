package ma.hirfa.sdk.core.internal.json;

import org.jspecify.annotations.Nullable;

/**
 * A successful response's body that the caller's type could not be read from, before the runner
 * turns it into a {@link ma.hirfa.sdk.core.ResponseDecodingException} that describes the whole
 * call. Its cause, if any, is a {@code SanitizedCause}.
 *
 * <p>Internal: public only for the call engine ({@code internal.http} and {@code internal.retry});
 * not an API.
 */
public final class DecodeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Whether the body ended early or was not JSON at all (a cut or mangled body, worth another
   * attempt), rather than well-formed JSON of the wrong shape, which another attempt would only
   * repeat.
   */
  public final boolean malformed;

  /** What went wrong, for the exception's message. */
  public final String reason;

  public DecodeFailure(String reason, @Nullable Throwable cause, boolean malformed) {
    super(reason, cause, false, false);
    this.reason = reason;
    this.malformed = malformed;
  }
}
