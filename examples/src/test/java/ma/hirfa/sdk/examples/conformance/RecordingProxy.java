package ma.hirfa.sdk.examples.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A proxy on 127.0.0.1 between the SDK and the sandbox that keeps every exchange whole (method,
 * path, query, headers and bodies), so a test can judge the traffic with its own validator. It asks
 * the sandbox for unencoded bodies (no {@code Accept-Encoding}) so what it keeps is what it judges.
 */
final class RecordingProxy implements AutoCloseable {
  /** One request and its answer; header names in lower case. */
  record Exchange(
      String method,
      String path,
      String query,
      Map<String, String> requestHeaders,
      byte[] requestBody,
      int status,
      Map<String, String> responseHeaders,
      byte[] responseBody) {
    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
  }

  private static final Set<String> HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "accept-encoding",
          "keep-alive");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String target;
  private final List<Exchange> exchanges = new ArrayList<>();

  RecordingProxy(String targetBaseUrl) throws IOException {
    this.target = targetBaseUrl.replaceAll("/+$", "");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private void forward(HttpExchange in) throws IOException {
    try (in) {
      byte[] body = in.getRequestBody().readAllBytes();
      URI uri = in.getRequestURI();
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      HttpRequest.Builder out =
          HttpRequest.newBuilder(
                  URI.create(target + uri.getRawPath() + (query.isEmpty() ? "" : "?" + query)))
              .timeout(Duration.ofSeconds(30))
              .method(in.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      Map<String, String> requestHeaders = new TreeMap<>();
      in.getRequestHeaders()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                requestHeaders.put(lower, String.join(",", values));
                if (!HOP.contains(lower)) {
                  values.forEach(v -> out.header(name, v));
                }
              });
      HttpResponse<byte[]> r;
      try {
        r = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      Map<String, String> responseHeaders = new TreeMap<>();
      r.headers()
          .map()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                responseHeaders.put(lower, String.join(",", values));
                if (!HOP.contains(lower) && !lower.startsWith(":")) {
                  values.forEach(v -> in.getResponseHeaders().add(name, v));
                }
              });
      synchronized (this) {
        exchanges.add(
            new Exchange(
                in.getRequestMethod(),
                uri.getRawPath(),
                query,
                requestHeaders,
                body,
                r.statusCode(),
                responseHeaders,
                r.body()));
      }
      boolean empty = r.body().length == 0;
      in.sendResponseHeaders(r.statusCode(), empty ? -1 : r.body().length);
      if (!empty) {
        try (OutputStream o = in.getResponseBody()) {
          o.write(r.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
