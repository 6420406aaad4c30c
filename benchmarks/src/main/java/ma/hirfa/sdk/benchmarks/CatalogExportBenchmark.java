package ma.hirfa.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CatalogClient;
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
 * The whole export streamed end to end from the local server (1,000 distinct sample lines repeated
 * to {@code products}), in a JVM capped at 32 MB: the SDK's {@code ProductExport} decoding typed
 * products, against a hand-written OkHttp + Moshi loop decoding each line into a map, and against
 * the generated peers streamed by hand on their own parts (their generated {@code exportProducts()}
 * reads the whole body into memory: {@link ExportMemory} shows it running out). The SDK and the raw
 * loop export twice after a warm-up export: two runs, whose spread {@code results.py} reports.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx32m")
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogExportBenchmark {
  @Param("1000000")
  public long products;

  private ServerMain.Endpoint server;
  private CatalogClient sdk;
  private OkHttpClient raw;
  private Request rawRequest;
  private JsonAdapter<Map<String, Object>> rawAdapter;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = ServerMain.endpoint(products);
    sdk = Samples.sdkCatalog(server.baseUrl());
    raw =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    rawRequest =
        new Request.Builder()
            .url(server.baseUrl() + "v1/products/export")
            .header("Authorization", "Bearer " + Samples.API_KEY)
            .build();
    rawAdapter = Samples.mapAdapter();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    raw.dispatcher().executorService().shutdown();
    server.close();
  }

  @Benchmark
  public long sdkExport(Blackhole bh) {
    return check(Samples.sdkExport(sdk, bh::consume));
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
    return check(n);
  }

  /**
   * Peer: okhttp-gson, its generated call read line by line, each line through its JSON. One
   * measured export after the warm-up, not two: the peers take two to three times the SDK's time,
   * and the suite must stay under 15 minutes (their row needs no second run to be decided).
   */
  @Benchmark
  @Measurement(iterations = 1)
  public long gsonByHand(Blackhole bh) throws Exception {
    return check(Peers.gsonExportByHand(server.baseUrl(), bh::consume));
  }

  /** Peer: native, its HttpClient read line by line, each line through its ObjectMapper. */
  @Benchmark
  @Measurement(iterations = 1)
  public long nativeByHand(Blackhole bh) throws Exception {
    return check(Peers.nativeExportByHand(server.baseUrl(), bh::consume));
  }

  private long check(long n) {
    if (n != products) {
      throw new IllegalStateException("read " + n + " of " + products);
    }
    return n;
  }
}
