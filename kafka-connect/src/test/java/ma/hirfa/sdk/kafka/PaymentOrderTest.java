package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payment records come out of {@code poll()} in the order the receiver queued their deliveries,
 * wherever a delivery lands in the task's work: the task, idle on an empty change feed, takes a
 * first event early; more events of the same payments then arrive right after each of the task's
 * operations on the receiver's queue in turn (the queue runs the test's code on the task's thread
 * there). A burst that fills the queue while the task holds the early record must not fail the task
 * either.
 */
class PaymentOrderTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final int CAPACITY = 3;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<CompletableFuture<Integer>> answers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  static Stream<Arguments> arrivals() {
    return Stream.of(1, CAPACITY)
        .flatMap(burst -> Stream.of(1, 2, 3, 4, 5, 6, 7).map(step -> Arguments.of(step, burst)));
  }

  @ParameterizedTest(name = "{1} event(s) after the task''s step {0} on the queue")
  @MethodSource("arrivals")
  void paymentRecordsComeOutInTheOrderTheReceiverQueuedThemWhereverTheyArrive(int step, int burst)
      throws Exception {
    SteppedQueue queue = new SteppedQueue(CAPACITY, Thread.currentThread());
    WebhookReceiver receiver =
        new WebhookReceiver(SECRET, "payments", "127.0.0.1", 0, "/hooks", 10_000, queue);
    HirfaSourceTask task = idleTask(receiver, 300);

    int last = 1 + step; // the first event lands after step 1: the idle task takes it early
    queue.afterStep =
        n -> {
          if (n == 1) {
            deliver(receiver, queue, 1, 1);
          } else if (n == last) {
            deliver(receiver, queue, 2, burst);
          }
        };
    List<SourceRecord> returned = new ArrayList<>();
    for (int polls = 0; returned.size() < 1 + burst && polls < 50; polls++) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        returned.addAll(batch);
        batch.forEach(r -> task.commitRecord(r, metadata()));
      }
    }

    assertThat(eventIds(returned))
        .as("the records returned, in the order the receiver queued them")
        .containsExactlyElementsOf(eventIds(queue.accepted()))
        .hasSize(1 + burst);
    for (CompletableFuture<Integer> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(204);
    }
  }

  /**
   * The guarantee the docs state, under real concurrency: 8 senders deliver events of three
   * payments at the same moments, as the platform may; whatever order the receiver queued them in
   * is the order the task returns them in, for every payment.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void concurrentDeliveriesAreReturnedInTheOrderTheReceiverQueuedThem(long seed) throws Exception {
    SteppedQueue queue = new SteppedQueue(10_000, Thread.currentThread());
    WebhookReceiver receiver =
        new WebhookReceiver(SECRET, "payments", "127.0.0.1", 0, "/hooks", 10_000, queue);
    HirfaSourceTask task = idleTask(receiver, 200);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    open.add(senders::shutdownNow);
    Random random = new Random(seed);
    int events = 48;
    for (int i = 1; i <= events; i++) {
      byte[] body = WebhookReceiverTest.succeeded("evt_" + i, "pay_" + random.nextInt(3));
      Map<String, String> headers = WebhookReceiverTest.signed("msg_" + i, body);
      long delay = random.nextInt(400);
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  Thread.sleep(delay);
                  return WebhookReceiverTest.post(receiver, "POST", headers, body);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              senders));
    }

    List<SourceRecord> returned = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (returned.size() < events && System.nanoTime() < until) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        returned.addAll(batch);
        batch.forEach(r -> task.commitRecord(r, metadata()));
      }
    }

    assertThat(eventIds(returned))
        .containsExactlyElementsOf(eventIds(queue.accepted()))
        .hasSize(events);
    for (CompletableFuture<Integer> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(204);
    }
  }

  /** Posts {@code count} events numbered from {@code from} one after another, each queued first. */
  /** A task on a fake API's empty change feed and {@code receiver}, stopped after the test. */
  private HirfaSourceTask idleTask(WebhookReceiver receiver, long pollIntervalMs) throws Exception {
    FakeCatalogApi api = new FakeCatalogApi(0, 0);
    open.add(api);
    CatalogClient client = api.client();
    CatalogStream feed =
        new CatalogStream(
            client.products(), "catalog", 100, 1_000, Map.of("phase", "feed", "cursor", "cur_0"));
    HirfaSourceTask task = new HirfaSourceTask();
    task.startWith(client, feed, receiver, pollIntervalMs);
    open.add(task::stop);
    return task;
  }

  private void deliver(WebhookReceiver receiver, SteppedQueue queue, int from, int count) {
    try {
      for (int i = from; i < from + count; i++) {
        String payment = i % 3 == 0 ? "pay_2" : "pay_1"; // evt_1, evt_2 and evt_4 of pay_1
        byte[] body = WebhookReceiverTest.succeeded("evt_" + i, payment);
        answers.add(
            WebhookReceiverTest.postAsync(
                receiver, WebhookReceiverTest.signed("msg_" + i, body), body));
        queue.awaitOffers(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> eventIds(List<SourceRecord> records) {
    return records.stream()
        .map(r -> r.key() + "/" + r.headers().lastWithName("hirfa.event.id").value())
        .toList();
  }

  private static RecordMetadata metadata() {
    return new RecordMetadata(new TopicPartition("payments", 0), 0, 0, 0, 0, 0);
  }
}
