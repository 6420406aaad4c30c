package ma.hirfa.sdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback endpoint that answers 204 and queues every delivery's body. */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hooks",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next delivery's body; fails when none arrives in time. */
  String next(Duration timeout) throws InterruptedException {
    String body = bodies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (body == null) {
      throw new AssertionError("no delivery within " + timeout);
    }
    return body;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
