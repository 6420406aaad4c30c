package ma.hirfa.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import ma.hirfa.sdk.testkit.Sandbox;
import okhttp3.Request;

/**
 * Realistic bodies rendered once by the sandbox (a catalog page, export lines), and the raw
 * baseline's request and decoder for the payment {@code get} the call benchmarks share.
 */
final class Samples {
  /** The payment the call benchmarks read. */
  static final String PAYMENT_ID = "pay_6LbMKYksDgXSLF";

  static final String API_KEY = "sk_test_BenchmarkKey0000000";

  private Samples() {}

  /** The raw baseline's decoder: Moshi into a map, no models, no checks. */
  static JsonAdapter<Map<String, Object>> mapAdapter() {
    return new Moshi.Builder()
        .build()
        .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /** The raw baseline's request for the payment, built once and reused by every call. */
  static Request paymentRequest(String baseUrl) {
    return new Request.Builder()
        .url(baseUrl + "v1/payments/" + PAYMENT_ID)
        .header("Authorization", "Bearer " + API_KEY)
        .header("Accept", "application/json")
        .build();
  }

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
    return Arrays.copyOf(all, end);
  }
}
