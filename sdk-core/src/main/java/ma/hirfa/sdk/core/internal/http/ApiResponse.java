package ma.hirfa.sdk.core.internal.http;

import java.io.Closeable;
import java.util.List;
import ma.hirfa.sdk.core.CallDiagnostics;
import okhttp3.Headers;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * A successful response, read whole: status, headers, body bytes, and the identifiers of the call
 * that produced it.
 */
public final class ApiResponse implements Closeable {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final CallDiagnostics diagnostics;
  private final @Nullable Response open;

  ApiResponse(
      int status,
      Headers headers,
      byte[] body,
      CallDiagnostics diagnostics,
      @Nullable Response open) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.diagnostics = diagnostics;
    this.open = open;
  }

  /**
   * The call that produced this response, for the exceptions raised while decoding or streaming it:
   * the request was sent, and these identifiers settle whether it took effect.
   */
  public CallDiagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * The body of a streaming response, read as it arrives; {@link #close()} when done. Throws for a
   * response that was read whole.
   */
  public BufferedSource source() {
    if (open == null) {
      throw new IllegalStateException("not a streaming response");
    }
    return open.body().source();
  }

  /** Releases the connection of a streaming response; a no-op otherwise. */
  @Override
  public void close() {
    if (open != null) {
      open.close();
    }
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
    return diagnostics.requestId();
  }

  public @Nullable String idempotencyKey() {
    return diagnostics.idempotencyKey();
  }

  public int attempts() {
    return diagnostics.attempts();
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  public List<String> headerValues(String name) {
    return headers.values(name);
  }
}
