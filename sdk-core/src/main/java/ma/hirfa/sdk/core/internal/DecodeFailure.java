package ma.hirfa.sdk.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * A successful response's body that the caller's type could not be read from, before the runner
 * turns it into a {@link ma.hirfa.sdk.core.ResponseDecodingException} that describes the whole
 * call. Its cause, if any, is a {@link SanitizedCause}.
 */
final class DecodeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Whether the body ended early or was not JSON at all (a cut or mangled body, worth another
   * attempt), rather than well-formed JSON of the wrong shape, which another attempt would only
   * repeat.
   */
  final boolean malformed;

  /** What went wrong, for the exception's message. */
  final String reason;

  DecodeFailure(String reason, @Nullable Throwable cause, boolean malformed) {
    super(reason, cause, false, false);
    this.reason = reason;
    this.malformed = malformed;
  }
}
