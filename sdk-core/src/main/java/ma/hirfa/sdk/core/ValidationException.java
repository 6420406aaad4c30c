package ma.hirfa.sdk.core;

/**
 * An input was refused before anything was sent: a configuration value, a request parameter or a
 * model value. {@link #field()} names it (like {@code amount.amount_minor} or {@code baseUrl}); the
 * message says why, without echoing secrets or personal data.
 */
public class ValidationException extends HirfaException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public ValidationException(String field, String reason) {
    super(field + ": " + reason, null, null);
    this.field = field;
  }

  /** The name of the refused field, as the API names it. */
  public String field() {
    return field;
  }
}
