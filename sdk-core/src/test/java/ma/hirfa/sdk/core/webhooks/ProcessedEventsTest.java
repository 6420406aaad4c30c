package ma.hirfa.sdk.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.core.FakeClock;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory {@link ProcessedEvents}: promises E1 (never lost) and E2 (applied once). */
class ProcessedEventsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final FakeClock clock = new FakeClock(NOW);
  private final InMemoryProcessedEvents store =
      (InMemoryProcessedEvents) ProcessedEvents.inMemory(1_000, Duration.ofHours(1), clock);

  @Test
  void aFailingActionIsNotRecordedSoTheRetryRunsIt() {
    List<String> applied = new ArrayList<>();

    assertThatThrownBy(
            () ->
                store.processOnce(
                    "msg_1",
                    NOW,
                    () -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
    boolean ranOnRetry = store.processOnce("msg_1", NOW, () -> applied.add("msg_1"));

    assertThat(ranOnRetry).isTrue();
    assertThat(applied).containsExactly("msg_1");
  }

  @Test
  void anIdProcessedBeforeIsSkippedWithoutRunningTheAction() {
    AtomicInteger runs = new AtomicInteger();

    boolean first = store.processOnce("msg_1", NOW, runs::incrementAndGet);
    boolean again = store.processOnce("msg_1", NOW, runs::incrementAndGet);

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCheckedExceptionOfTheHandlerPropagatesUnchanged() {
    IOException failure = new IOException("disk full");
    WebhookMessage message = new WebhookMessage("msg_io", NOW, new byte[0]);

    assertThatThrownBy(
            () ->
                store.processOnce(
                    message,
                    m -> {
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(store.size()).isZero();
  }

  @Test
  void theMessageOverloadKeysOnTheWebhookId() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();

    store.processOnce(new WebhookMessage("msg_a", NOW, body), m -> seen.add(m.id()));
    store.processOnce(new WebhookMessage("msg_a", NOW.plusSeconds(60), body), m -> seen.add("x"));
    store.processOnce(new WebhookMessage("msg_b", NOW, body), m -> seen.add(m.id()));

    assertThat(seen).containsExactly("msg_a", "msg_b");
  }

  @Test
  void aDuplicateArrivingWhileTheFirstRunsWaitsThenIsSkipped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first =
          pool.submit(
              () ->
                  store.processOnce(
                      "msg_slow",
                      NOW,
                      () -> {
                        runs.incrementAndGet();
                        started.countDown();
                        release.await();
                      }));
      started.await();
      Future<Boolean> duplicate =
          pool.submit(() -> store.processOnce("msg_slow", NOW, runs::incrementAndGet));
      Thread.sleep(100);
      assertThat(duplicate).isNotDone(); // it waits: answering 2xx now could lose the event
      release.countDown();

      assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(duplicate.get(5, TimeUnit.SECONDS)).isFalse();
      assertThat(runs).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDuplicateArrivingWhileTheFirstRunsRunsItselfIfTheFirstFails() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first =
          pool.submit(
              () ->
                  store.processOnce(
                      "msg_x",
                      NOW,
                      () -> {
                        started.countDown();
                        release.await();
                        throw new IllegalStateException("failed");
                      }));
      started.await();
      Future<Boolean> duplicate =
          pool.submit(() -> store.processOnce("msg_x", NOW, () -> applied.add("second")));
      release.countDown();

      assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("failed");
      assertThat(duplicate.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(applied).containsExactly("second");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void processingTheSameIdFromInsideItsOwnActionFailsInsteadOfWaitingForever() {
    assertThatThrownBy(
            () -> store.processOnce("msg_r", NOW, () -> store.processOnce("msg_r", NOW, () -> {})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("msg_r");
    assertThat(store.processOnce("msg_r", NOW, () -> {})).isTrue();
  }

  @Test
  void theStoreHoldsAtMostMaxIdsForgettingTheOldestFirst() {
    InMemoryProcessedEvents small =
        (InMemoryProcessedEvents) ProcessedEvents.inMemory(3, Duration.ofHours(1), clock);
    for (int i = 0; i < 10; i++) {
      small.processOnce("msg_" + i, NOW, () -> {});
    }

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.processOnce("msg_9", NOW, () -> {})).isFalse();
    assertThat(small.processOnce("msg_0", NOW, () -> {})).isTrue();
  }

  @Test
  void anIdIsRememberedForTheRetentionThenForgotten() {
    store.processOnce("msg_1", NOW, () -> {});

    clock.advance(Duration.ofMinutes(59));
    assertThat(store.processOnce("msg_1", NOW, () -> {})).isFalse();
    clock.advance(Duration.ofMinutes(2));
    assertThat(store.processOnce("msg_1", NOW, () -> {})).isTrue();
  }

  @Test
  void retentionCountsFromATimestampLaterThanTheClock() {
    // A message stamped up to the verifier's tolerance ahead of our clock stays remembered for the
    // whole retention after its own timestamp, so its replay within the tolerance is a duplicate.
    store.processOnce("msg_future", NOW.plus(Duration.ofMinutes(5)), () -> {});

    clock.advance(Duration.ofMinutes(64));
    assertThat(store.processOnce("msg_future", NOW, () -> {})).isFalse();
  }

  @Test
  void aTimestampAtTheEndOfTimeIsRememberedInsteadOfThrowing() {
    assertThat(store.processOnce("msg_max", Instant.MAX, () -> {})).isTrue();
    assertThat(store.processOnce("msg_max", Instant.MAX, () -> {})).isFalse();
  }

  @Test
  void invalidBoundsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ProcessedEvents.inMemory(0, Duration.ofHours(1), clock))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxIds"));
    assertThatThrownBy(() -> ProcessedEvents.inMemory(10, Duration.ZERO, clock))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("retention"));
  }

  /**
   * E1 and E2 under concurrency: 8 threads deliver the same 40 ids in their own seeded order, each
   * action failing with a seeded probability; after a final delivery of every id, each id was
   * applied exactly once and no two actions for one id ever overlapped.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void concurrentDeliveriesApplyEachIdExactlyOnce(long seed) throws Exception {
    ProcessedEvents shared = ProcessedEvents.inMemory();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add("msg_" + seed + "_" + i);
    }
    Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(seed * 1_000 + t);
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, new Random(random.nextLong()));
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (String id : order) {
                    boolean fail = random.nextInt(4) == 0;
                    try {
                      shared.processOnce(
                          id, NOW, () -> apply(id, fail, applied, running, overlaps));
                    } catch (IllegalStateException expected) {
                      // the handler failed: the id stays free for another delivery
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String id : ids) {
      shared.processOnce(id, NOW, () -> apply(id, false, applied, running, overlaps));
    }

    assertThat(overlaps).hasValue(0);
    for (String id : ids) {
      assertThat(applied.get(id)).as(id).hasValue(1);
    }
  }

  private static void apply(
      String id,
      boolean fail,
      Map<String, AtomicInteger> applied,
      Map<String, AtomicInteger> running,
      AtomicInteger overlaps) {
    AtomicInteger now = running.computeIfAbsent(id, k -> new AtomicInteger());
    if (now.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    try {
      Thread.yield();
      if (fail) {
        throw new IllegalStateException("handler failed for " + id);
      }
      applied.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    } finally {
      now.decrementAndGet();
    }
  }
}
