package ma.hirfa.sdk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal HTTP/1.1 keep-alive server on 127.0.0.1 for the benchmarks: each request gets the first
 * {@link Route} whose prefix its path starts with, its body repeated {@code repeat} times (one
 * NDJSON export of a million lines, say, without holding it in memory), after an optional delay.
 * Cheap enough never to be the bottleneck; {@link ServerMain} runs it as a process of its own,
 * pinned to another core than the client's.
 */
final class LocalServer implements AutoCloseable {
  /** One answer: {@code body} repeated {@code repeat} times, then {@code tail}. */
  record Route(
      String pathPrefix,
      String contentType,
      byte[] body,
      long repeat,
      byte[] tail,
      long delayNanos) {
    byte[] head() {
      return ("HTTP/1.1 200 OK\r\nContent-Type: "
              + contentType
              + "\r\nRequest-Id: req_bench\r\nExport-Cursor: Y2hnOjA\r\nContent-Length: "
              + (body.length * repeat + tail.length)
              + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final byte[] NOT_FOUND =
      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final List<Route> routes;
  private final byte[][] heads;
  private final byte[][] prefixes;
  private volatile boolean running = true;

  LocalServer(List<Route> routes, int port) throws IOException {
    this.routes = List.copyOf(routes);
    this.heads = new byte[routes.size()][];
    this.prefixes = new byte[routes.size()][];
    for (int i = 0; i < heads.length; i++) {
      heads[i] = routes.get(i).head();
      prefixes[i] = routes.get(i).pathPrefix().getBytes(StandardCharsets.US_ASCII);
    }
    this.socket = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  LocalServer(String contentType, byte[] body, long repeat, byte[] tail, long delayNanos)
      throws IOException {
    this(List.of(new Route("/", contentType, body, repeat, tail, delayNanos)), 0);
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
      byte[] requestLine = new byte[1_024];
      int lineLength = 0;
      boolean inFirstLine = true;
      int state = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (inFirstLine) {
            if (b == '\n') {
              inFirstLine = false;
            } else if (lineLength < requestLine.length) {
              requestLine[lineLength++] = b;
            }
          }
          state =
              switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : 0;
                case 3 -> b == '\n' ? 4 : 0;
                default -> 0;
              };
          if (state == 4) {
            answer(out, route(requestLine, lineLength));
            lineLength = 0;
            inFirstLine = true;
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

  /** The index of the first route matching the request line's path, or -1. */
  private int route(byte[] line, int length) {
    int start = 0;
    while (start < length && line[start] != ' ') {
      start++;
    }
    start++;
    for (int r = 0; r < prefixes.length; r++) {
      byte[] prefix = prefixes[r];
      if (start + prefix.length <= length
          && java.util.Arrays.equals(
              line, start, start + prefix.length, prefix, 0, prefix.length)) {
        return r;
      }
    }
    return -1;
  }

  private void answer(OutputStream out, int r) throws IOException, InterruptedException {
    if (r < 0) {
      out.write(NOT_FOUND);
      out.flush();
      return;
    }
    Route route = routes.get(r);
    if (route.delayNanos() > 0) {
      Thread.sleep(route.delayNanos() / 1_000_000, (int) (route.delayNanos() % 1_000_000));
    }
    out.write(heads[r]);
    for (long i = 0; i < route.repeat(); i++) {
      out.write(route.body());
    }
    out.write(route.tail());
    out.flush();
  }

  @Override
  public void close() throws IOException {
    running = false;
    socket.close();
  }
}
