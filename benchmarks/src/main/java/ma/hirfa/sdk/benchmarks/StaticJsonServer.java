package ma.hirfa.sdk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive server on 127.0.0.1 that answers every request with the same JSON
 * body: the server side of the call-overhead benchmark, cheap enough not to be the bottleneck (the
 * WireMock sandbox is far slower). One thread per connection; request bodies are not expected.
 */
final class StaticJsonServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] response;
  private volatile boolean running = true;

  StaticJsonServer(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nRequest-Id: req_bench\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    this.response = new byte[h.length + body.length];
    System.arraycopy(h, 0, response, 0, h.length);
    System.arraycopy(body, 0, response, h.length, body.length);
    this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
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

  /** Reads request heads (up to the blank line) and answers each with the fixed response. */
  private void serve(Socket s) {
    try (s;
        InputStream in = new BufferedInputStream(s.getInputStream(), 16_384);
        OutputStream out = s.getOutputStream()) {
      int state = 0;
      int b;
      while ((b = in.read()) != -1) {
        // Match \r\n\r\n, the end of a request head.
        state =
            switch (state) {
              case 0, 2 -> b == '\r' ? state + 1 : 0;
              case 1 -> b == '\n' ? 2 : 0;
              case 3 -> b == '\n' ? 4 : 0;
              default -> 0;
            };
        if (state == 4) {
          out.write(response);
          out.flush();
          state = 0;
        }
      }
    } catch (IOException e) {
      // The client closed the connection.
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    socket.close();
  }
}
