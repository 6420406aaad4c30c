package ma.hirfa.sdk.core.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.NdjsonLine;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads a streamed NDJSON body one line at a time: the one NDJSON reader behind every streamed
 * endpoint (the catalog export, settlement lines). It cuts the body into lines ({@link NdjsonLine},
 * which decodes one) and bounds the stream. Three bounds keep a broken or hostile server from
 * holding the caller:
 *
 * <ul>
 *   <li><b>Line length</b>: a line longer than {@code maxResponseBytes} is refused with a {@link
 *       ResponseDecodingException} naming the limit, so memory holds at most one line of that size
 *       (a body without a newline cannot exhaust the heap).
 *   <li><b>Idle timeout</b>: each line must arrive complete within {@code readTimeout} (or {@code
 *       callTimeout}, if shorter) of being asked for. A socket read timeout alone does not catch a
 *       server that drips one byte at a time; this does, with a {@link ConnectionException}.
 *   <li><b>Deadline</b>: with {@link RequestOptions#timeout()} set, the whole stream (headers,
 *       every line and the caller's work between lines) ends at it with a {@link
 *       CallTimeoutException}.
 * </ul>
 *
 * <p>Why Okio deadlines: a deadline on the body source's {@code Timeout} is enforced by OkHttp's
 * socket watchdog, which closes the socket at that instant, so a read blocked on a silent peer
 * returns at the deadline instead of after the next read timeout. The engine may also keep OkHttp's
 * call timeout running while the body is read; its {@code InterruptedIOException("timeout")} is
 * mapped to {@link CallTimeoutException} too.
 *
 * <p>Not thread-safe: one consumer reads the stream.
 */
public final class NdjsonReader implements Closeable {
  private final ApiResponse response;
  private final BufferedSource source;
  private final Json json;
  private final String what;
  private final CallDiagnostics diagnostics;
  private final long maxLineBytes;
  private final Duration idleTimeout;
  private final @Nullable Duration timeout;
  private final long deadlineNanos;
  private long lines;
  private long bytes;
  private boolean ended;

  private NdjsonReader(
      ApiResponse response,
      Json json,
      String what,
      CallDiagnostics diagnostics,
      long maxLineBytes,
      Duration idleTimeout,
      @Nullable Duration timeout,
      long deadlineNanos) {
    this.response = response;
    this.source = response.source();
    this.json = json;
    this.what = what;
    this.diagnostics = diagnostics;
    this.maxLineBytes = maxLineBytes;
    this.idleTimeout = idleTimeout;
    this.timeout = timeout;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Starts the streaming call (retried like any call until the headers arrive) and returns a reader
   * over its body. {@code what} names the stream in messages, like {@code "the export"}.
   */
  public static NdjsonReader open(ClientRuntime runtime, ApiRequest request, String what) {
    long started = System.nanoTime();
    Duration timeout = request.options().timeout();
    ApiResponse response = runtime.stream(request);
    CallDiagnostics d =
        new CallDiagnostics(
            request.method(),
            request.path(),
            response.status(),
            null,
            response.requestId(),
            response.idempotencyKey(),
            response.attempts());
    long deadline = timeout == null ? Long.MAX_VALUE : saturatedAdd(started, timeout.toNanos());
    return new NdjsonReader(
        response,
        runtime.json(),
        what,
        d,
        runtime.options().maxResponseBytes(),
        idleTimeout(runtime.options()),
        timeout,
        deadline);
  }

  /** One line may take as long as a read, and never longer than a whole call may. */
  private static Duration idleTimeout(ClientOptions options) {
    Duration read = options.readTimeout();
    Duration call = options.callTimeout();
    return read.isZero() || call.compareTo(read) < 0 ? call : read;
  }

  /** A response header of the stream, like {@code Export-Cursor}. */
  public @Nullable String header(String name) {
    return response.header(name);
  }

  /** The diagnostics of the streaming call, for exceptions the caller raises about its content. */
  public CallDiagnostics diagnostics() {
    return diagnostics;
  }

  /** Bytes of the body consumed so far, newlines included. */
  public long bytesRead() {
    return bytes;
  }

  /**
   * The next non-blank line, or null once the body ended. A line that the body ended in without a
   * newline is returned with {@link NdjsonLine#terminated()} false: the caller decides whether it
   * is a complete last line or a stream cut short. Closes the response at the end and on any
   * failure.
   *
   * @throws ConnectionException the stream was cut, or stalled past the idle timeout
   * @throws CallTimeoutException the stream's deadline passed
   * @throws ResponseDecodingException a line is longer than {@code maxResponseBytes}
   */
  public @Nullable NdjsonLine next() {
    if (ended) {
      return null;
    }
    long idleDeadline = saturatedAdd(System.nanoTime(), idleTimeout.toNanos());
    Buffer buffer = source.getBuffer();
    try {
      long scanned = 0;
      while (true) {
        long newline = buffer.indexOf((byte) '\n', scanned);
        if (newline >= 0) {
          if (newline > maxLineBytes) {
            throw tooLong();
          }
          ByteString line = trimCr(buffer.readByteString(newline));
          buffer.skip(1);
          bytes += newline + 1;
          scanned = 0;
          if (!isBlank(line)) {
            return line(line, true);
          }
          continue;
        }
        scanned = buffer.size();
        if (scanned > maxLineBytes) {
          throw tooLong();
        }
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
          throw deadlinePassed(null);
        }
        source.timeout().deadlineNanoTime(Math.min(idleDeadline, deadlineNanos));
        if (!source.request(scanned + 1)) {
          ended = true;
          ByteString rest = trimCr(buffer.readByteString());
          bytes += rest.size();
          close();
          return isBlank(rest) ? null : line(rest, false);
        }
      }
    } catch (IOException e) {
      close();
      throw failure(e, idleDeadline);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private NdjsonLine line(ByteString bytes, boolean terminated) {
    return new NdjsonLine(bytes, ++lines, terminated, json, what, diagnostics);
  }

  /** Releases the connection; reading stops. Idempotent. */
  @Override
  public void close() {
    ended = true;
    try {
      source.timeout().clearDeadline();
    } finally {
      response.close();
    }
  }

  private HirfaException failure(IOException e, long idleDeadline) {
    long now = System.nanoTime();
    boolean callTimeout =
        e instanceof InterruptedIOException
            && !(e instanceof SocketTimeoutException)
            && "timeout".equals(e.getMessage());
    if (callTimeout || now - deadlineNanos >= 0) {
      return deadlinePassed(e);
    }
    if (e instanceof InterruptedIOException && now - idleDeadline >= 0) {
      return new ConnectionException(
          what
              + " stalled: line "
              + (lines + 1)
              + " did not arrive complete within the idle timeout ("
              + idleTimeout
              + ", the client's readTimeout or callTimeout)",
          diagnostics,
          true,
          e);
    }
    return new ConnectionException(
        what + " was cut after " + lines + " lines (" + e.getClass().getSimpleName() + ")",
        diagnostics,
        true,
        e);
  }

  private CallTimeoutException deadlinePassed(@Nullable IOException cause) {
    close();
    return new CallTimeoutException(
        what
            + " passed its deadline"
            + (timeout == null ? "" : " (RequestOptions.timeout " + timeout + ")")
            + " after "
            + lines
            + " lines",
        diagnostics,
        true,
        cause);
  }

  private ResponseDecodingException tooLong() {
    return new ResponseDecodingException(
        what
            + " sent a line longer than maxResponseBytes ("
            + maxLineBytes
            + " bytes) at line "
            + (lines + 1)
            + "; if such lines are legitimate, raise ClientOptions.maxResponseBytes",
        diagnostics,
        null);
  }

  private static ByteString trimCr(ByteString line) {
    int n = line.size();
    return n > 0 && line.getByte(n - 1) == '\r' ? line.substring(0, n - 1) : line;
  }

  private static boolean isBlank(ByteString line) {
    for (int i = 0; i < line.size(); i++) {
      byte b = line.getByte(i);
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
