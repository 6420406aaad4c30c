package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CatalogClient;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connect may call {@code stop()} on another thread while {@code poll()} is reading the export (the
 * SourceTask contract; Kafka 4.3 itself calls it after the last poll, on the task's thread). The
 * test holds the fake API's export at the moment it attacks, calls stop from the test's thread, and
 * checks that the poll in progress ends normally with what it read, in order, and that the export's
 * connection is closed by the client, whichever thread ends last.
 */
class TaskStopTest {
  private final ExecutorService pollThread = Executors.newSingleThreadExecutor();
  private FakeCatalogApi api;

  @AfterEach
  void close() {
    pollThread.shutdownNow();
    if (api != null) {
      api.close();
    }
  }

  private HirfaSourceTask exportingTask(int first, int total, int batchSize) throws Exception {
    api = new FakeCatalogApi(first, total);
    CatalogClient client = api.client();
    CatalogStream stream = new CatalogStream(client.products(), "catalog", 100, batchSize, null);
    HirfaSourceTask task = new HirfaSourceTask();
    task.startWith(client, stream, null, 5_000);
    return task;
  }

  @Test
  void stopWhileTheExportOpensClosesItOnceThePollEnds() throws Exception {
    HirfaSourceTask task = exportingTask(2, 10, 2); // longer than a batch: it would stay open
    Future<List<SourceRecord>> poll = pollThread.submit(task::poll);
    assertThat(api.exportRequested.await(10, TimeUnit.SECONDS)).isTrue();

    task.stop(); // the export is asked for, not yet answered
    api.answerExport.countDown();
    api.sendRest.countDown();

    poll.get(10, TimeUnit.SECONDS); // ends normally, whatever it returns
    assertThat(api.clientClosedExport.await(10, TimeUnit.SECONDS))
        .as("the export's connection is closed once the poll ended")
        .isTrue();
  }

  @Test
  void stopWhileThePollReadsTheExportEndsThePollWithWhatItReadAndClosesTheExport()
      throws Exception {
    HirfaSourceTask task = exportingTask(3, 50, 1_000);
    api.answerExport.countDown();
    Future<List<SourceRecord>> poll = pollThread.submit(task::poll);
    assertThat(api.firstSent.await(10, TimeUnit.SECONDS)).isTrue();
    // The reader has the first products and waits for more: 3 lines already on its side, and 1 s
    // for it to take two of them (no hook tells it without changing the stream).
    Thread.sleep(1_000);

    CompletableFuture<Void> stop = CompletableFuture.runAsync(task::stop);
    stop.get(5, TimeUnit.SECONDS); // never waits for the reader, which waits for more lines
    api.sendRest.countDown();

    List<SourceRecord> read = poll.get(10, TimeUnit.SECONDS);
    assertThat(read).isNotNull();
    assertThat(read)
        .extracting(SourceRecord::key)
        .as("a prefix of the export, in order, stopped early")
        .startsWith(FakeCatalogApi.productId(1), FakeCatalogApi.productId(2))
        .hasSizeLessThan(50);
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.get(i).key()).isEqualTo(FakeCatalogApi.productId(i + 1));
      assertThat(read.get(i).sourceOffset())
          .isEqualTo(
              Map.of(
                  "phase", "export", "cursor", "cur_0", "after", FakeCatalogApi.productId(i + 1)));
    }
    assertThat(api.clientClosedExport.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void stopAfterThePollEndedClosesTheExportItLeftOpen() throws Exception {
    HirfaSourceTask task = exportingTask(3, 10, 2);
    api.answerExport.countDown();
    List<SourceRecord> first = pollThread.submit(task::poll).get(10, TimeUnit.SECONDS);
    assertThat(first).hasSize(2); // the export stays open for the next poll

    task.stop(); // as Kafka 4.3 does: on the task's thread, after its last poll
    api.sendRest.countDown();

    assertThat(api.clientClosedExport.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pollThread.submit(task::poll).get(10, TimeUnit.SECONDS))
        .as("a poll after stop reads nothing")
        .isNull();
    assertThat(api.exports.get()).isEqualTo(1);
  }
}
