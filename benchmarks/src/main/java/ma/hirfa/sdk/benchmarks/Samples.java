package ma.hirfa.sdk.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ma.hirfa.sdk.testkit.Sandbox;

/** Realistic bodies rendered once by the sandbox: a catalog page and export lines. */
final class Samples {
  private Samples() {}

  /** The body of {@code GET path} on a fresh sandbox with {@code products} sample products. */
  static byte[] fetch(int products, String path) throws IOException, InterruptedException {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(products).start()) {
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                      .header("Authorization", "Bearer " + sandbox.apiKey())
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode());
      }
      return r.body();
    }
  }

  /** One page of 100 sample products (Arabic, French, English, Spanish, Tifinagh text). */
  static byte[] page() throws IOException, InterruptedException {
    return fetch(100, "v1/products?limit=100");
  }

  /** {@code n} export lines (without the final cursor line). */
  static byte[] exportLines(int n) throws IOException, InterruptedException {
    byte[] all = fetch(n, "v1/products/export");
    int end = all.length - 1;
    while (end > 0 && all[end - 1] != '\n') {
      end--;
    }
    return java.util.Arrays.copyOf(all, end);
  }
}
