package ma.hirfa.sdk.core.internal.retry;

import java.util.Locale;

/**
 * Says, on an exception, why the SDK stopped retrying; carries no stack trace.
 *
 * <p>Internal: public only for the call engine in {@code internal.http}; not an API.
 */
public final class StopReason extends Exception {
  private static final long serialVersionUID = 1L;

  public StopReason(String reason) {
    super(reason.toLowerCase(Locale.ROOT), null, false, false);
  }
}
