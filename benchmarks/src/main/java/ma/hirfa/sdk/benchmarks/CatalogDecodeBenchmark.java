package ma.hirfa.sdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one page of 100 sample products through the SDK's models, against the generated peers'
 * decoding ({@link Peers}), Jackson databind into equivalent classes, and a raw Moshi {@code
 * JsonReader} pass that only skips values (the floor: tokenizing without building anything).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogDecodeBenchmark {
  private static final TypeRef<Page<Product>> PAGE = new TypeRef<Page<Product>>() {};

  private byte[] page;
  private Json json;
  private ObjectMapper jackson;
  private JsonAdapter<Object> moshiMap;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    page = Samples.page();
    json = new Json();
    moshiMap = new Moshi.Builder().build().adapter(Object.class);
    jackson =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (sdk().data().size() != 100
        || jackson().data().size() != 100
        || gson() != 100
        || nativeJackson() != 100) {
      throw new IllegalStateException("both sides must decode 100 products");
    }
    System.out.println("page size: " + page.length + " bytes");
  }

  @Benchmark
  public Page<Product> sdk() throws IOException {
    return json.decode(page, PAGE);
  }

  /** Peer: the okhttp-gson client's decoding of the same body (string, then its JSON). */
  @Benchmark
  public int gson() {
    return Peers.gsonDecodePage(page);
  }

  /** Peer: the native client's decoding of the same body (string, then its ObjectMapper). */
  @Benchmark
  public int nativeJackson() throws IOException {
    return Peers.nativeDecodePage(page);
  }

  @Benchmark
  public JPage jackson() throws IOException {
    return jackson.readValue(page, JPage.class);
  }

  /**
   * Moshi's own generic decoding into maps and lists, with no models and no checks: what the SDK's
   * typed layer is measured against, to tell its cost from the JSON reader's.
   */
  @Benchmark
  public Object moshiMap() throws IOException {
    return moshiMap.fromJson(new Buffer().write(page));
  }

  @Benchmark
  public int moshiSkip() throws IOException {
    JsonReader r = JsonReader.of(new Buffer().write(page));
    r.skipValue();
    return r.peek() == JsonReader.Token.END_DOCUMENT ? 1 : 0;
  }

  /** Jackson's equivalents of the SDK's models. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JPage(List<JProduct> data, String nextCursor, boolean hasMore) {}

  public record JMoney(long amountMinor, String currency) {}

  public record JImage(String url, Map<String, String> alt) {}

  public record JDimensions(double length, double width, double height) {}

  public record JProduct(
      String id,
      String sku,
      String artisanId,
      String craft,
      Map<String, String> title,
      Map<String, String> description,
      JMoney price,
      int stock,
      JDimensions dimensionsCm,
      Integer weightG,
      List<String> materials,
      String technique,
      String origin,
      List<JImage> images,
      String hsCode,
      List<String> labels,
      String vatRegime,
      boolean antique,
      String status,
      long version,
      Instant createdAt,
      Instant updatedAt) {}
}
