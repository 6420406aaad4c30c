package ma.hirfa.sdk.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ma.hirfa.sdk.core.FieldError;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.internal.log.CallLog;
import ma.hirfa.sdk.core.internal.log.Redactor;
import ma.hirfa.sdk.core.internal.retry.Backoff;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Turns what came back from one attempt into an {@link Outcome}: the body read whole within {@code
 * maxResponseBytes}, the problem document of an error parsed (every text in it redacted, since a
 * server or a WAF may echo the request), and {@code Retry-After} parsed whatever its size.
 */
final class ResponseReader {
  /** Field errors kept from one problem document; a hostile server may send millions. */
  static final int MAX_FIELD_ERRORS = 100;

  private final long maxResponseBytes;
  private final Json json;
  private final Clock clock;

  ResponseReader(long maxResponseBytes, Json json, Clock clock) {
    this.maxResponseBytes = maxResponseBytes;
    this.json = json;
    this.clock = clock;
  }

  /** Reads the whole response while the connection is open, and closes it. */
  Outcome read(Response response, long startNanos) {
    try (response) {
      int status = response.code();
      Headers headers = response.headers();
      ResponseBody rb = response.body();
      if (rb.contentLength() > maxResponseBytes) {
        return Outcome.tooLarge(status, headers, System.nanoTime() - startNanos);
      }
      byte[] bytes;
      try {
        BufferedSource source = rb.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 8_192) != -1) {
          if (buffer.size() > maxResponseBytes) {
            return Outcome.tooLarge(status, headers, System.nanoTime() - startNanos);
          }
        }
        bytes = buffer.readByteArray();
      } catch (IOException e) {
        // Status and headers arrived, so the API processed the request; the body was cut.
        return Outcome.cutBody(status, headers, e, isDeadline(e), System.nanoTime() - startNanos);
      }
      CallLog.traceResponse(status, headers, bytes);
      boolean error = status >= 300 && status != 304;
      return Outcome.response(
          status,
          headers,
          bytes,
          error ? parseProblem(headers, bytes) : null,
          System.nanoTime() - startNanos,
          retryAfter(headers, clock));
    }
  }

  /** A transport failure of {@code call}. */
  static Outcome failure(AttemptTracker.State state, IOException e, long startNanos) {
    return Outcome.failure(
        e, state.mayHaveBeenSent(), isDeadline(e), System.nanoTime() - startNanos);
  }

  /** OkHttp's call timeout (our deadline) fails with a bare "timeout"; a read timeout does not. */
  static boolean isDeadline(IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  /**
   * The API's {@code Retry-After}, read from where {@link RetryAfterGuard} moved it (so that OkHttp
   * never acts on it), or from the header itself.
   */
  static @Nullable Duration retryAfter(Headers headers, Clock clock) {
    String moved = headers.get(RetryAfterGuard.MOVED_RETRY_AFTER);
    return Backoff.parseRetryAfter(moved != null ? moved : headers.get("Retry-After"), clock);
  }

  /** Parses an RFC 9457 body, or returns null when it is not a readable problem document. */
  @Nullable Problem parseProblem(Headers headers, byte[] body) {
    String type = headers.get("Content-Type");
    if (body.length == 0 || type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      return null;
    }
    Problem p;
    try {
      p = json.decode(body, TypeRef.of(Problem.class));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return p == null ? null : redacted(p);
  }

  /** The problem with every text redacted and at most {@link #MAX_FIELD_ERRORS} field errors. */
  static Problem redacted(Problem p) {
    List<FieldError> errors = new ArrayList<>(Math.min(p.errors().size(), MAX_FIELD_ERRORS));
    for (FieldError e : p.errors()) {
      if (errors.size() == MAX_FIELD_ERRORS) {
        break;
      }
      errors.add(
          new FieldError(
              Redactor.redactShort(e.field()),
              Redactor.redactShort(e.code()),
              e.message() == null ? null : Redactor.redactShort(e.message())));
    }
    return new Problem(
        redactOrNull(p.type()),
        redactOrNull(p.title()),
        p.status(),
        p.detail() == null ? null : Redactor.redact(p.detail()),
        redactOrNull(p.code()),
        p.requestId() == null ? null : Redactor.untrustedId(p.requestId()),
        errors);
  }

  private static @Nullable String redactOrNull(@Nullable String s) {
    return s == null ? null : Redactor.redactShort(s);
  }
}
