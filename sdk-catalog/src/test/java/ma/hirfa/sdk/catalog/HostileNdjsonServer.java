package ma.hirfa.sdk.catalog;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server that answers every request with {@code 200 application/x-ndjson} and a body
 * written by the test, chunk by chunk, with an optional pause between chunks: for lines without a
 * newline, endless bodies and drips. Counts the bytes it managed to write.
 */
final class HostileNdjsonServer implements AutoCloseable {
  /** Writes the body; returns normally to end it. */
  interface Body {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  final AtomicLong written = new AtomicLong();

  HostileNdjsonServer(Body body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
          exchange.getResponseHeaders().add("Export-Cursor", "cur_hostile");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = new CountingStream(exchange.getResponseBody(), written)) {
            body.write(out);
          } catch (IOException | InterruptedException e) {
            // the client hung up: what the tests want
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Writes {@code text} one byte at a time with {@code pause} after each. */
  static Body drip(String text, Duration pause) {
    return out -> {
      for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        out.write(b);
        out.flush();
        Thread.sleep(pause.toMillis());
      }
    };
  }

  /** Writes {@code total} bytes of 'a' and no newline, 64 KB at a time. */
  static Body endlessLine(long total) {
    return out -> {
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (long sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    private final AtomicLong count;

    CountingStream(OutputStream out, AtomicLong count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.addAndGet(len);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.incrementAndGet();
    }
  }
}
