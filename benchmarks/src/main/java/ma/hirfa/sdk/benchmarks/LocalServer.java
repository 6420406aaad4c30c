package ma.hirfa.sdk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive server on 127.0.0.1 for the benchmarks: every request gets {@code
 * body} repeated {@code repeat} times (one NDJSON export of a million lines, say, without holding
 * it in memory), after an optional delay. Cheap enough never to be the bottleneck.
 */
final class LocalServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] head;
  private final byte[] body;
  private final byte[] tail;
  private final long repeat;
  private final long delayNanos;
  private volatile boolean running = true;

  LocalServer(String contentType, byte[] body, long repeat, byte[] tail, long delayNanos)
      throws IOException {
    this.body = body;
    this.repeat = repeat;
    this.tail = tail;
    this.delayNanos = delayNanos;
    long length = body.length * repeat + tail.length;
    this.head =
        ("HTTP/1.1 200 OK\r\nContent-Type: "
                + contentType
                + "\r\nRequest-Id: req_bench\r\nExport-Cursor: Y2hnOjA\r\nContent-Length: "
                + length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server answering every request with one JSON body. */
  static LocalServer json(String body) throws IOException {
    return new LocalServer(
        "application/json", body.getBytes(StandardCharsets.UTF_8), 1, new byte[0], 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void accept() {
    while (running) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(s), "bench-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * Answers each request once its header block has arrived (requests carry no body here). Reads in
   * chunks and scans for the blank line, so a request's size costs the server next to nothing: a
   * byte-at-a-time read would charge the client with more headers for the server's CPU.
   */
  private void serve(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65_536)) {
      byte[] buf = new byte[16_384];
      int state = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          state =
              switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : 0;
                case 3 -> b == '\n' ? 4 : 0;
                default -> 0;
              };
          if (state == 4) {
            if (delayNanos > 0) {
              Thread.sleep(delayNanos / 1_000_000, (int) (delayNanos % 1_000_000));
            }
            out.write(head);
            for (long r = 0; r < repeat; r++) {
              out.write(body);
            }
            out.write(tail);
            out.flush();
            state = 0;
          }
        }
      }
    } catch (IOException e) {
      // The client closed the connection.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    socket.close();
  }
}
