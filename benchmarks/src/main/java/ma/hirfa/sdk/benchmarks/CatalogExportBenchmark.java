package ma.hirfa.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductExport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole export streamed end to end from a local server (1,000 distinct sample lines repeated to
 * {@code products}), in a JVM capped at 64 MB: the SDK's {@link ProductExport} decoding typed
 * products, against a hand-written OkHttp + Moshi loop decoding each line into a map.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogExportBenchmark {
  @Param("1000000")
  public long products;

  private LocalServer server;
  private CatalogClient sdk;
  private OkHttpClient raw;
  private Request rawRequest;
  private JsonAdapter<Map<String, Object>> rawAdapter;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    byte[] lines = Samples.exportLines(1_000);
    server =
        new LocalServer(
            "application/x-ndjson",
            lines,
            products / 1_000,
            "{\"export_cursor\":\"Y2hnOjA\"}\n".getBytes(StandardCharsets.UTF_8),
            0);
    sdk =
        CatalogClient.builder()
            .apiKey("sk_test_BenchmarkKey0000000")
            .baseUrl(server.baseUrl())
            .configure(o -> o.readTimeout(Duration.ofSeconds(30)))
            .build();
    raw =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    rawRequest =
        new Request.Builder()
            .url(server.baseUrl() + "v1/products/export")
            .header("Authorization", "Bearer sk_test_BenchmarkKey0000000")
            .build();
    rawAdapter =
        new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    raw.dispatcher().executorService().shutdown();
    server.close();
  }

  @Benchmark
  public long sdkExport(Blackhole bh) {
    long n = 0;
    try (ProductExport export = sdk.products().export()) {
      for (Product p : export) {
        bh.consume(p);
        n++;
      }
    }
    check(n);
    return n;
  }

  @Benchmark
  public long rawLoop(Blackhole bh) throws IOException {
    long n = 0;
    try (Response r = raw.newCall(rawRequest).execute()) {
      BufferedSource source = r.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (line.startsWith("{\"export_cursor\"")) {
          break;
        }
        bh.consume(rawAdapter.fromJson(line));
        n++;
      }
    }
    check(n);
    return n;
  }

  private void check(long n) {
    if (n != products) {
      throw new IllegalStateException("read " + n + " of " + products);
    }
  }
}
