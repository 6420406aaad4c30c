package ma.hirfa.sdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request the sandbox received, as {@link Sandbox#requests()} and {@link Sandbox#takeRequest()}
 * give it back, so a test can check what its integration sent: method, path, query, headers (with
 * secrets masked), body, the {@code Idempotency-Key} and the {@code Hirfa-Attempt} header, and the
 * status the sandbox answered.
 *
 * <p>The credentials of {@code Authorization}, {@code Proxy-Authorization} and cookie headers are
 * masked ({@code Bearer sk_test_****}). The body is kept as sent, for assertions on it; {@link
 * #toString()} shows neither body nor masked values.
 */
public final class RecordedRequest {
  private final long sequence;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String requestId;
  private final int status;
  private final Instant receivedAt;

  RecordedRequest(
      long sequence,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      byte[] body,
      String requestId,
      int status,
      Instant receivedAt) {
    this.sequence = sequence;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.status = status;
    this.receivedAt = receivedAt;
  }

  /** Its position among all the requests this sandbox received, from 1. */
  public long sequence() {
    return sequence;
  }

  /** {@code GET}, {@code POST}, ... */
  public String method() {
    return method;
  }

  /** The path, like {@code /v1/payments}, without the query. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}, empty when there was none. */
  public String query() {
    return query;
  }

  /** The headers, names in lower case, each with its first value; secrets masked. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A header by name (any case), or null; a secret comes back masked. */
  public @Nullable String header(String name) {
    return headers.get(Objects.requireNonNull(name, "name == null").toLowerCase(Locale.ROOT));
  }

  /** The {@code Idempotency-Key} header, or null. */
  public @Nullable String idempotencyKey() {
    return header("idempotency-key");
  }

  /**
   * The {@code Hirfa-Attempt} header the SDK sends (1 for the first attempt, 2 for the first
   * retry...), or null when absent or not a number.
   */
  public @Nullable Integer attempt() {
    String attempt = header("hirfa-attempt");
    try {
      return attempt == null ? null : Integer.valueOf(attempt.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** The body as sent (a copy; empty when there was none). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The {@code Request-Id} the sandbox gave its answer. */
  public String requestId() {
    return requestId;
  }

  /** The status the sandbox answered with; 0 when an injected fault cut the connection. */
  public int status() {
    return status;
  }

  /**
   * When the sandbox handled it, on the sandbox clock: as it decided the answer, before any
   * injected delay.
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Like {@code POST /v1/payments -> 201 (req_...)}: no header values, no body. */
  @Override
  public String toString() {
    return method
        + " "
        + path
        + " -> "
        + status
        + " ("
        + requestId
        + ", "
        + body.length
        + " body bytes)";
  }
}
