package ma.hirfa.sdk.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.catalog.CatalogClient;

/**
 * A catalog API on 127.0.0.1 whose export the test holds at chosen moments. The change feed never
 * has anything new. The export answers once {@link #answerExport} is opened, sends {@code first}
 * products, then waits for {@link #sendRest} before sending the rest slowly, one product every 20
 * ms, and ends its stream; {@link #clientClosedExport} counts down when a write fails because the
 * client closed the connection.
 */
final class FakeCatalogApi implements AutoCloseable {
  final CountDownLatch exportRequested = new CountDownLatch(1);
  final CountDownLatch answerExport = new CountDownLatch(1);
  final CountDownLatch firstSent = new CountDownLatch(1);
  final CountDownLatch sendRest = new CountDownLatch(1);
  final CountDownLatch clientClosedExport = new CountDownLatch(1);
  final AtomicInteger exports = new AtomicInteger();
  private final int first;
  private final int total;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  FakeCatalogApi(int first, int total) throws IOException {
    this.first = first;
    this.total = total;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(threads);
    server.createContext("/v1/products/export", this::export);
    server.createContext("/v1/products/changes", this::changes);
    server.start();
  }

  CatalogClient client() {
    return CatalogClient.builder()
        .apiKey("sk_test_fakecatalog123")
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .build();
  }

  static String productId(int i) {
    return String.format("prd_F%04d", i);
  }

  private void changes(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getQuery();
      String cursor = query.replaceAll(".*cursor=([^&]*).*", "$1");
      byte[] body =
          ("{\"data\":[],\"next_cursor\":\"" + cursor + "\",\"has_more\":false}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void export(HttpExchange exchange) throws IOException {
    exports.incrementAndGet();
    exportRequested.countDown();
    try (exchange) {
      await(answerExport);
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.getResponseHeaders().set("Export-Cursor", "cur_0");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      try {
        for (int i = 1; i <= first; i++) {
          line(out, product(i));
        }
        firstSent.countDown();
        await(sendRest);
        for (int i = first + 1; i <= total; i++) {
          line(out, product(i));
          Thread.sleep(20);
        }
        line(out, "{\"export_cursor\":\"cur_0\"}");
        // An open connection takes a few more writes without failing; a closed one fails.
        for (int i = 0; i < 100; i++) {
          Thread.sleep(20);
          line(out, " ");
        }
      } catch (IOException closed) {
        clientClosedExport.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void line(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IOException("the test never released the export");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String product(int i) {
    String id = productId(i);
    return "{\"id\":\""
        + id
        + "\",\"sku\":\"SKU-"
        + i
        + "\",\"artisan_id\":\"art_1\",\"craft\":\"kilim\",\"title\":{\"fr\":\"Kilim\"},"
        + "\"price\":{\"amount_minor\":150000,\"currency\":\"MAD\"},\"stock\":2,"
        + "\"antique\":false,\"status\":\"active\",\"version\":3,"
        + "\"created_at\":\"2026-11-29T10:00:00Z\",\"updated_at\":\"2026-11-29T10:00:00Z\"}";
  }

  @Override
  public void close() {
    answerExport.countDown();
    sendRest.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
