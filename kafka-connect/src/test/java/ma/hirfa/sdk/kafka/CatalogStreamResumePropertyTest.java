package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offsets hold what a restart needs, whatever the moment of the crash: a task writes records,
 * Kafka keeps all of them but Connect committed the offset of an earlier one only (the crash came
 * between the write and the offset flush), and a new task resumes from that older offset while the
 * catalog keeps changing and the export is cut now and then. The compacted view of everything
 * written (duplicates and all) must equal the catalog once the new task caught up.
 */
class CatalogStreamResumePropertyTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, Long.getLong("hirfa.connect.histories", 8));
  }

  private static StandaloneSandbox sandbox;

  @BeforeAll
  static void start() throws Exception {
    sandbox = StandaloneSandbox.start(1_500, 42);
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aTaskResumedFromAnOlderCommittedOffsetEndsWithTheCompactedTopicEqualToTheCatalog(long seed) {
    Random random = new Random(seed);
    try (CatalogClient catalog = sandbox.client()) {
      List<SourceRecord> topic = new ArrayList<>();
      Map<String, Object> committed = null;
      for (int crash = 0; crash < 4; crash++) {
        CatalogStream task =
            new CatalogStream(
                catalog.products(),
                "t",
                20 + random.nextInt(81),
                1 + random.nextInt(400),
                committed);
        int written = topic.size();
        int budget = 1 + random.nextInt(1_200);
        while (topic.size() - written < budget) {
          edit(catalog, random);
          List<SourceRecord> batch = next(task);
          if (batch.isEmpty() && task.following()) {
            break;
          }
          topic.addAll(batch);
        }
        task.closeExport();
        if (topic.size() > written) {
          // Connect committed some record between what was written before and now.
          int last = written + random.nextInt(topic.size() - written);
          @SuppressWarnings("unchecked")
          Map<String, Object> offset = (Map<String, Object>) topic.get(last).sourceOffset();
          committed = offset;
        }
      }
      CatalogStream last = new CatalogStream(catalog.products(), "t", 100, 1_000, committed);
      while (true) {
        List<SourceRecord> batch = next(last);
        topic.addAll(batch);
        if (batch.isEmpty() && last.following()) {
          break;
        }
      }
      CompactedView view = new CompactedView();
      view.applyAll(topic);

      assertThat(view.live).isEqualTo(sandbox.contents());
    }
  }

  private static List<SourceRecord> next(CatalogStream task) {
    for (int i = 0; ; i++) {
      try {
        return task.next();
      } catch (RetriableException e) {
        if (i > 50) {
          throw e; // Connect would poll again; here, give up after many cuts in a row
        }
      }
    }
  }

  private static void edit(CatalogClient catalog, Random r) {
    if (r.nextInt(8) != 0) {
      return;
    }
    String id = String.format("prd_S%06d", r.nextInt(1_500));
    try {
      Product p = catalog.products().get(id);
      switch (r.nextInt(4)) {
        case 0 -> catalog.products().delete(id, ProductDeleteParams.anyVersion());
        case 1 ->
            catalog
                .products()
                .create(ProductCreateParams.from(p).sku("NEW-" + r.nextInt(1 << 30)).build());
        default ->
            catalog
                .products()
                .update(p.id(), p.etag(), ProductUpdateParams.from(p).stock(p.stock() + 1).build());
      }
    } catch (ma.hirfa.sdk.core.NotFoundException deleted) {
      // deleted earlier
    }
  }
}
