package ma.hirfa.sdk.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 429: the caller exceeded its quota. The SDK already waited and retried as far as its {@link
 * RetryPolicy} allows; {@link #retryAfter()} says how long the API asked to wait before the next
 * call.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public RateLimitException(
      String message,
      CallDiagnostics diagnostics,
      @Nullable Problem problem,
      @Nullable Duration retryAfter) {
    super(message, diagnostics, problem);
    this.retryAfter = retryAfter;
  }

  /** The wait the API asked for in {@code Retry-After}, or null when it sent none. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
