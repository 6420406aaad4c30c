package ma.hirfa.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductExport;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Sandbox;
import okhttp3.Request;

/**
 * Realistic bodies rendered once by the sandbox (a catalog page, export lines), the raw baseline's
 * request and decoder for the payment {@code get} the call benchmarks share, and every use of the
 * SDK's public API by the benchmarks (so an API change touches this file only; the generated peers'
 * API is in {@link Peers}).
 */
final class Samples {
  /** The payment the call benchmarks read. */
  static final String PAYMENT_ID = "pay_6LbMKYksDgXSLF";

  static final String API_KEY = "sk_test_BenchmarkKey0000000";

  private Samples() {}

  /** The payments client of the call benchmarks: default retries and breaker, a pool of 16. */
  static PaymentsClient sdkPayments(String baseUrl) {
    return PaymentsClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .configure(
            o ->
                o.circuitBreakerPolicy(CircuitBreakerPolicy.defaults())
                    .connectionPool(16, Duration.ofMinutes(5)))
        .build();
  }

  /** The SDK's typed payment get. */
  static Payment sdkGet(PaymentsClient client) {
    return client.payments().get(PAYMENT_ID);
  }

  /** A catalog client for the export, with a read timeout long enough for a slow machine. */
  static CatalogClient sdkCatalog(String baseUrl) {
    return CatalogClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .configure(o -> o.readTimeout(Duration.ofSeconds(30)))
        .build();
  }

  /** Streams the whole export through {@link ProductExport}; returns the products read. */
  static long sdkExport(CatalogClient client, Consumer<Product> sink) {
    long n = 0;
    try (ProductExport export = client.products().export()) {
      for (Product p : export) {
        sink.accept(p);
        n++;
      }
    }
    return n;
  }

  /** The raw baseline's decoder: Moshi into a map, no models, no checks. */
  static JsonAdapter<Map<String, Object>> mapAdapter() {
    return new Moshi.Builder()
        .build()
        .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /**
   * The raw baseline's request for payment {@code id}, built for every call as a hand-written
   * client must (its URL names the id). Until 2026-11-29 the raw side reused one request built
   * once, which no application getting different payments can do, and which left the cost of
   * building a URL and headers to the SDK's side only.
   */
  static Request paymentRequest(String baseUrl, String id) {
    return new Request.Builder()
        .url(baseUrl + "v1/payments/" + id)
        .header("Authorization", "Bearer " + API_KEY)
        .header("Accept", "application/json")
        .build();
  }

  /**
   * The system property naming a folder where rendered bodies are kept ({@code run.sh} sets it), so
   * that each benchmark fork reads them instead of starting a sandbox of its own.
   */
  static final String CACHE_PROPERTY = "hirfa.bench.samples";

  /**
   * The body of {@code GET path} on a fresh sandbox with {@code products} sample products, or the
   * copy kept in the folder named by {@value #CACHE_PROPERTY} (the sandbox renders the same bytes
   * for the same request every time: its catalog is seeded).
   */
  static byte[] fetch(int products, String path) throws IOException, InterruptedException {
    String folder = System.getProperty(CACHE_PROPERTY);
    if (folder == null || folder.isBlank()) {
      return render(products, path);
    }
    Path file = Path.of(folder, products + "-" + path.replaceAll("[^A-Za-z0-9]+", "_") + ".body");
    if (Files.exists(file)) {
      return Files.readAllBytes(file);
    }
    byte[] body = render(products, path);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "render", ".tmp");
    Files.write(tmp, body);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return body;
  }

  private static byte[] render(int products, String path) throws IOException, InterruptedException {
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
    return Arrays.copyOf(all, end);
  }
}
