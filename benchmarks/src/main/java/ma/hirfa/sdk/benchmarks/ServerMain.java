package ma.hirfa.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' server as a process of its own, so that its CPU is not the client's: {@code
 * run.sh} starts it pinned to one core ({@code taskset -c 1}) and the benchmark JVMs on the other,
 * and passes its address to them as {@code -Dhirfa.bench.server=}. It answers the payment get, and
 * the export of {@code products} products when asked for.
 *
 * <p>Usage: {@code ServerMain <port-file> [products]}: writes its base URL to {@code port-file}
 * once it listens, and runs until killed.
 */
public final class ServerMain {
  private ServerMain() {}

  /** The system property that points the benchmarks at an external server. */
  static final String PROPERTY = "hirfa.bench.server";

  public static void main(String[] args) throws Exception {
    long products = args.length > 1 ? Long.parseLong(args[1]) : 0;
    LocalServer server = new LocalServer(routes(products), 0);
    Path file = Path.of(args[0]);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, server.baseUrl());
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }

  /** The payment, and the export of {@code products} products (none when 0). */
  static List<LocalServer.Route> routes(long products) throws IOException, InterruptedException {
    List<LocalServer.Route> routes = new ArrayList<>();
    routes.add(
        new LocalServer.Route(
            "/v1/payments/",
            "application/json",
            CallOverheadBenchmark.PAYMENT_JSON.getBytes(StandardCharsets.UTF_8),
            1,
            new byte[0],
            0));
    if (products > 0) {
      routes.add(
          new LocalServer.Route(
              "/v1/products/export",
              "application/x-ndjson",
              Samples.exportLines(1_000),
              products / 1_000,
              "{\"export_cursor\":\"Y2hnOjA\"}\n".getBytes(StandardCharsets.UTF_8),
              0));
    }
    return routes;
  }

  /**
   * Where a benchmark sends its calls: the external server named by {@code -Dhirfa.bench.server=},
   * or else a server started in this JVM (then its CPU is counted in this process's CPU time: say
   * so when reporting).
   */
  static Endpoint endpoint(long products) throws IOException, InterruptedException {
    String external = System.getProperty(PROPERTY);
    if (external != null && !external.isBlank()) {
      return new Endpoint(external.endsWith("/") ? external : external + "/", null);
    }
    LocalServer local = new LocalServer(routes(products), 0);
    return new Endpoint(local.baseUrl(), local);
  }

  /** A server's base URL, and the in-process server to close with it, if any. */
  record Endpoint(String baseUrl, @org.jspecify.annotations.Nullable LocalServer local)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (local != null) {
        local.close();
      }
    }
  }
}
