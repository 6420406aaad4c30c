package ma.hirfa.sdk.core.webhooks;

import ma.hirfa.sdk.core.HirfaException;

/**
 * A delivered webhook failed verification: {@link #reason()} says which check failed. Answer the
 * sender with a 4xx (it will retry) and do not process the body. Messages never contain the secret
 * or the signatures.
 *
 * <p>Only deliveries fail this way. A verifier that cannot be built (no secret, an empty or
 * malformed one, a bad tolerance) is a mistake in the configuration: its builder throws a {@link
 * ma.hirfa.sdk.core.ValidationException} naming the setting.
 */
public final class WebhookVerificationException extends HirfaException {
  private static final long serialVersionUID = 1L;

  /** Which check failed, in the order they are applied. */
  public enum Reason {
    /**
     * {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent or
     * empty.
     */
    MISSING_HEADERS,
    /** {@code webhook-timestamp} is not 1 to 19 decimal digits that fit a {@code long}. */
    INVALID_TIMESTAMP,
    /** The timestamp is older than the tolerance: a delayed or replayed message. */
    TIMESTAMP_TOO_OLD,
    /** The timestamp is further in the future than the tolerance: a skewed sender clock. */
    TIMESTAMP_TOO_NEW,
    /** No {@code v1} (or {@code v1a}) entry verifies with any configured secret or key. */
    NO_MATCHING_SIGNATURE
  }

  private final Reason reason;

  public WebhookVerificationException(Reason reason, String message) {
    super(reason + ": " + message, null, null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
