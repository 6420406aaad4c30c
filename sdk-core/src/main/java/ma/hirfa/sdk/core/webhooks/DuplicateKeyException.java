package ma.hirfa.sdk.core.webhooks;

import ma.hirfa.sdk.core.ResponseDecodingException;

/**
 * A signed event body names the same key twice in one JSON object, at any depth. JSON parsers
 * disagree on which of the two values wins (the SDK's own readers did: first for the event type,
 * last for the fields), so a body that two readers could understand differently is refused rather
 * than guessed at. Answer the delivery with a 4xx and report the event id to the platform; the
 * message names the key and where it is, never a value.
 */
public final class DuplicateKeyException extends ResponseDecodingException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String path;

  public DuplicateKeyException(String key, String path) {
    super(
        "the event body has the key \""
            + shorten(key)
            + "\" twice at "
            + shorten(path)
            + "; an ambiguous signed body is refused",
        null,
        null);
    this.key = key;
    this.path = path;
  }

  /** The repeated key. */
  public String key() {
    return key;
  }

  /** Where the second occurrence is, as a JSON path like {@code $.data.object.status}. */
  public String path() {
    return path;
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
