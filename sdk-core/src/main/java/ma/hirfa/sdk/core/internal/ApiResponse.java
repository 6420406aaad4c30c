package ma.hirfa.sdk.core.internal;

import java.util.List;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A successful response, read whole: status, headers, body bytes, and the identifiers of the call
 * that produced it.
 */
public final class ApiResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final @Nullable String requestId;
  private final @Nullable String idempotencyKey;
  private final int attempts;

  ApiResponse(
      int status,
      Headers headers,
      byte[] body,
      @Nullable String requestId,
      @Nullable String idempotencyKey,
      int attempts) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.idempotencyKey = idempotencyKey;
    this.attempts = attempts;
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /** The body bytes; owned by this response, not copied. */
  public byte[] body() {
    return body;
  }

  public @Nullable String requestId() {
    return requestId;
  }

  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  public int attempts() {
    return attempts;
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  public List<String> headerValues(String name) {
    return headers.values(name);
  }
}
