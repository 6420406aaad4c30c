package ma.hirfa.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductListParams;
import ma.hirfa.sdk.core.AutoPager;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Auto-pagination over 20 pages of 100 products from a local server that takes 2 ms to answer each
 * page, with the caller spending 20 µs on each product (2 ms a page): without prefetch the two
 * waits add up; with prefetch the next page is fetched while the caller works.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogPrefetchBenchmark {
  static final int PAGES = 20;
  static final long WORK_MILLIS_PER_PAGE = 2;
  private static final ProductListParams HUNDRED_A_PAGE =
      ProductListParams.builder().limit(100).build();

  private LocalServer server;
  private CatalogClient sdk;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String page = new String(Samples.page(), StandardCharsets.UTF_8);
    // Every page says there is another one, so the walk goes on as long as the caller wants.
    String endless =
        page.substring(0, page.lastIndexOf("\"next_cursor\""))
            + "\"next_cursor\":\"cG9zOjEwMA\",\"has_more\":true}";
    server =
        new LocalServer(
            "application/json",
            endless.getBytes(StandardCharsets.UTF_8),
            1,
            new byte[0],
            TimeUnit.MILLISECONDS.toNanos(2));
    sdk =
        CatalogClient.builder()
            .apiKey("sk_test_BenchmarkKey0000000")
            .baseUrl(server.baseUrl())
            .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    server.close();
  }

  @Benchmark
  public long withoutPrefetch() throws InterruptedException {
    return walk(sdk.products().listAutoPaging(HUNDRED_A_PAGE));
  }

  @Benchmark
  public long withPrefetch() throws InterruptedException {
    return walk(sdk.products().listAutoPaging(HUNDRED_A_PAGE).withPrefetch());
  }

  private static long walk(AutoPager<Product> pager) throws InterruptedException {
    long sum = 0;
    Iterator<Product> it = pager.iterator();
    for (int i = 0; i < PAGES * 100; i++) {
      sum += it.next().stock();
      if (i % 100 == 99) {
        Thread.sleep(WORK_MILLIS_PER_PAGE); // the caller's I/O for the page it just read
      }
    }
    return sum;
  }
}
