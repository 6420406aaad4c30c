package ma.hirfa.sdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on 127.0.0.1 that reads each request and never answers: it holds every call on
 * the wire, and sees when the client closes the connection.
 */
final class HoldingServer implements AutoCloseable {
  /** One connection: the request line it carried, and whether the client has closed it. */
  static final class Held {
    final CountDownLatch received = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    volatile String requestLine = "";

    boolean awaitClosed(Duration timeout) throws InterruptedException {
      return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private final ServerSocket server;
  private final List<Held> connections = new CopyOnWriteArrayList<>();

  HoldingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "holding-server");
    accept.setDaemon(true);
    accept.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  int connectionCount() {
    return connections.size();
  }

  /** The connection number {@code index} (from 0) once its request has arrived, or null. */
  Held awaitRequest(int index, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connections.size() <= index) {
      if (System.nanoTime() > deadline) {
        return null;
      }
      Thread.sleep(2);
    }
    Held held = connections.get(index);
    long left = Math.max(0, deadline - System.nanoTime());
    return held.received.await(left, TimeUnit.NANOSECONDS) ? held : null;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Held held = new Held();
        connections.add(held);
        Thread t = new Thread(() -> hold(socket, held), "holding-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Reads the request, then keeps reading until the client closes: nothing is ever answered. */
  private static void hold(Socket socket, Held held) {
    try (socket;
        InputStream in = socket.getInputStream()) {
      StringBuilder head = new StringBuilder();
      int b;
      while ((b = in.read()) != -1) {
        head.append((char) b);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          held.requestLine =
              new String(
                      head.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                  .lines()
                  .findFirst()
                  .orElse("");
          held.received.countDown();
          break;
        }
      }
      byte[] sink = new byte[8192];
      while (in.read(sink) != -1) {
        // The body, then nothing: wait for the client to close.
      }
    } catch (IOException e) {
      // A reset is a close too.
    } finally {
      held.received.countDown();
      held.closed.countDown();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
