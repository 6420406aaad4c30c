package ma.hirfa.sdk.core.internal;

import java.util.Locale;

/** Says, on an exception, why the SDK stopped retrying; carries no stack trace. */
final class StopReason extends Exception {
  private static final long serialVersionUID = 1L;

  StopReason(String reason) {
    super(reason.toLowerCase(Locale.ROOT), null, false, false);
  }
}
