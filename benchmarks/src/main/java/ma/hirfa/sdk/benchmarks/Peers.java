package ma.hirfa.sdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.Response;

/**
 * The peers: what a partner would use instead of the SDK, the Java clients that openapi-generator
 * 7.25.0 generates from our own contracts ({@code docs/openapi/}), built in {@code target/} by this
 * module's build. {@code okhttp-gson} runs on OkHttp (the SDK's 5.5.1 here) and Gson; {@code
 * native} on the JDK's {@code HttpClient} and Jackson. Every use of their API is in this file, so a
 * regenerated client changes one place.
 */
final class Peers {
  private Peers() {}

  /** The payment get of a generated payments client, as a partner would call it. */
  interface PaymentGet {
    Object get() throws Exception;
  }

  /**
   * The okhttp-gson payments client, its OkHttp pool and dispatcher sized as the SDK's and raw's in
   * the call benchmarks (16 idle connections, 64 requests): OkHttp's default pool of 5 would halve
   * its throughput at 8 threads.
   */
  static PaymentGet gsonPayments(String baseUrl) {
    ma.hirfa.peers.paygson.ApiClient client = new ma.hirfa.peers.paygson.ApiClient();
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    client.setHttpClient(
        client
            .getHttpClient()
            .newBuilder()
            .dispatcher(dispatcher)
            .connectionPool(
                new okhttp3.ConnectionPool(16, 5, java.util.concurrent.TimeUnit.MINUTES))
            .build());
    client.setBasePath(stripSlash(baseUrl));
    client.setBearerToken(Samples.API_KEY);
    ma.hirfa.peers.paygson.api.PaymentsApi api = new ma.hirfa.peers.paygson.api.PaymentsApi(client);
    return () -> api.getPayment(Samples.PAYMENT_ID, null, null, null, null);
  }

  static PaymentGet nativePayments(String baseUrl) {
    ma.hirfa.peers.paynative.ApiClient client = new ma.hirfa.peers.paynative.ApiClient();
    client.updateBaseUri(stripSlash(baseUrl));
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + Samples.API_KEY));
    ma.hirfa.peers.paynative.api.PaymentsApi api =
        new ma.hirfa.peers.paynative.api.PaymentsApi(client);
    return () -> api.getPayment(Samples.PAYMENT_ID, null, null, null, null);
  }

  /** The id of a payment either generated client returned, to check that it decoded. */
  static String paymentId(Object payment) {
    if (payment instanceof ma.hirfa.peers.paygson.model.Payment p) {
      return p.getId();
    }
    return ((ma.hirfa.peers.paynative.model.Payment) payment).getId();
  }

  /**
   * Decodes a product page as the okhttp-gson client decodes a response: the body as a string, then
   * its {@code JSON.deserialize} (Gson, with the generated models' validation).
   */
  static int gsonDecodePage(byte[] page) {
    ma.hirfa.peers.mktgson.model.ProductList list =
        ma.hirfa.peers.mktgson.JSON.deserialize(
            new String(page, StandardCharsets.UTF_8),
            ma.hirfa.peers.mktgson.model.ProductList.class);
    return list.getData().size();
  }

  /** Created on first use, so that a JVM using only the okhttp-gson peer loads no Jackson. */
  private static final class NativeMapper {
    static final ObjectMapper INSTANCE =
        ma.hirfa.peers.mktnative.ApiClient.createDefaultObjectMapper();
  }

  /**
   * Decodes a product page as the native client decodes a response: the body as a string, then its
   * Jackson {@code ObjectMapper}.
   */
  static int nativeDecodePage(byte[] page) throws IOException {
    ma.hirfa.peers.mktnative.model.ProductList list =
        NativeMapper.INSTANCE.readValue(
            new String(page, StandardCharsets.UTF_8),
            ma.hirfa.peers.mktnative.model.ProductList.class);
    return list.getData().size();
  }

  /**
   * The export through the generated method itself, {@code exportProducts()}: both generators read
   * the whole NDJSON body into memory (a string) before decoding it as one product.
   */
  static Object exportAsGenerated(String library, String baseUrl) throws Exception {
    if (library.equals("gson")) {
      ma.hirfa.peers.mktgson.ApiClient client = new ma.hirfa.peers.mktgson.ApiClient();
      client.setBasePath(stripSlash(baseUrl));
      client.setBearerToken(Samples.API_KEY);
      client.setReadTimeout(60_000);
      return new ma.hirfa.peers.mktgson.api.ProductsApi(client)
          .exportProducts(null, null, null, null);
    }
    ma.hirfa.peers.mktnative.ApiClient client = new ma.hirfa.peers.mktnative.ApiClient();
    client.updateBaseUri(stripSlash(baseUrl));
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + Samples.API_KEY));
    return new ma.hirfa.peers.mktnative.api.ProductsApi(client)
        .exportProducts(null, null, null, null);
  }

  /**
   * The export streamed by hand on the okhttp-gson client's parts, since its generated method
   * cannot stream: the generated {@code exportProductsCall} (URL, authentication), then one {@code
   * JSON.deserialize} per line. Returns the products read.
   */
  static long gsonExportByHand(String baseUrl, Consumer<Object> sink) throws Exception {
    ma.hirfa.peers.mktgson.ApiClient client = new ma.hirfa.peers.mktgson.ApiClient();
    client.setBasePath(stripSlash(baseUrl));
    client.setBearerToken(Samples.API_KEY);
    client.setReadTimeout(60_000);
    okhttp3.Call call =
        new ma.hirfa.peers.mktgson.api.ProductsApi(client)
            .exportProductsCall(null, null, null, null, null);
    long n = 0;
    try (Response r = call.execute();
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("{\"export_cursor\"")) {
          break;
        }
        sink.accept(
            ma.hirfa.peers.mktgson.JSON.deserialize(
                line, ma.hirfa.peers.mktgson.model.Product.class));
        n++;
      }
    }
    return n;
  }

  /**
   * The export streamed by hand on the native client's parts: its {@code HttpClient} and {@code
   * ObjectMapper}, one {@code readValue} per line.
   */
  static long nativeExportByHand(String baseUrl, Consumer<Object> sink) throws Exception {
    ma.hirfa.peers.mktnative.ApiClient client = new ma.hirfa.peers.mktnative.ApiClient();
    client.updateBaseUri(stripSlash(baseUrl));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/v1/products/export"))
            .header("Authorization", "Bearer " + Samples.API_KEY)
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<InputStream> r =
        client.getHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    ObjectMapper mapper = client.getObjectMapper();
    long n = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("{\"export_cursor\"")) {
          break;
        }
        sink.accept(mapper.readValue(line, ma.hirfa.peers.mktnative.model.Product.class));
        n++;
      }
    }
    return n;
  }

  private static String stripSlash(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
