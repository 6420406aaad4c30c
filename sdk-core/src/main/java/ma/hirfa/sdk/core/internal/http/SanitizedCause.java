package ma.hirfa.sdk.core.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * Stands in for a decoding failure as the cause of an exception: same stack trace, same chain, but
 * a redacted message naming the original type. A decoder's message may quote the body it choked on,
 * and that body may be a server's echo of the request (card number, CVC, key); a cause is printed
 * with every logged stack trace.
 */
final class SanitizedCause extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 8;

  private SanitizedCause(String message, @Nullable Throwable cause) {
    super(message, cause, false, true);
  }

  static SanitizedCause of(Throwable t) {
    return of(t, 0);
  }

  private static SanitizedCause of(Throwable t, int depth) {
    Throwable next = t.getCause();
    SanitizedCause copy =
        new SanitizedCause(
            t.getClass().getName() + ": " + ErrorMapper.describe(t),
            next == null || depth >= MAX_DEPTH || next == t ? null : of(next, depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
