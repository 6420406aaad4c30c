package ma.hirfa.sdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The breaker is created only when a call first fails or is slow (so a fresh JVM's first call loads
 * no Resilience4j); created late, it must decide exactly as one created with the client would.
 * Seeded sequences of outcomes are fed to both; their states must agree after every call.
 */
class LazyBreakerTest {
  private static final CircuitBreakerPolicy POLICY =
      CircuitBreakerPolicy.builder()
          .windowSize(6)
          .minimumCalls(4)
          .failureRatePercent(50)
          .openDuration(Duration.ofSeconds(30))
          .halfOpenCalls(2)
          .build();

  private static final long SLOW = TimeUnit.SECONDS.toNanos(61);

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  private static ClientOptions options(CircuitBreakerPolicy policy) {
    return ClientOptions.builder()
        .apiKey("sk_test_LazyBreaker000000")
        .baseUrl("http://127.0.0.1:9/")
        .circuitBreakerPolicy(policy)
        .build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aBreakerCreatedAtTheFirstFailureDecidesAsOneCreatedWithTheClient(long seed) {
    ClientOptions options = options(POLICY);
    Resilience lazy = new Resilience("payments", options);
    CircuitBreaker eager = Resilience.breaker("payments", POLICY, options);
    Random random = new Random(seed);
    int quickSuccessesFirst = random.nextInt(20);
    for (int call = 0; call < quickSuccessesFirst + 30; call++) {
      boolean permitted = eager.tryAcquirePermission();
      assertThat(lazy.permitCall()).as("call %d permitted", call).isEqualTo(permitted);
      if (!permitted) {
        continue;
      }
      boolean failed = call >= quickSuccessesFirst && random.nextInt(3) == 0;
      long nanos = call >= quickSuccessesFirst && random.nextInt(10) == 0 ? SLOW : 1_000;
      lazy.recordCall(failed, nanos);
      if (failed) {
        eager.onError(nanos, TimeUnit.NANOSECONDS, new StopReason("call failed"));
      } else {
        eager.onSuccess(nanos, TimeUnit.NANOSECONDS);
      }
      assertThat(lazy.breakerState()).as("after call %d", call).isEqualTo(eager.getState().name());
    }
  }

  /**
   * Threads record quick successes while another's failure creates the breaker: each success is
   * counted once, before the breaker exists (then replayed) or after (then recorded), never lost
   * and never twice. The window is wider than the calls, so the breaker must hold every one.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void successesRacingTheBreakersCreationAreEachCountedOnce(long seed) throws Exception {
    CircuitBreakerPolicy wide =
        CircuitBreakerPolicy.builder()
            .windowSize(1_000)
            .minimumCalls(1_000)
            .failureRatePercent(50)
            .openDuration(Duration.ofSeconds(30))
            .halfOpenCalls(2)
            .build();
    ClientOptions options = options(wide);
    Resilience lazy = new Resilience("payments", options);
    Random random = new Random(seed);
    int threads = 2 + random.nextInt(6);
    int perThread = 20 + random.nextInt(100);
    int failAfter = random.nextInt(perThread);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    lazy.recordCall(false, 1_000);
                  }
                  return null;
                }));
      }
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < failAfter; i++) {
                  Thread.onSpinWait();
                }
                lazy.recordCall(true, 1_000);
                return null;
              }));
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    CircuitBreaker.Metrics metrics = Objects.requireNonNull(lazy.breaker()).getMetrics();
    assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(threads * perThread);
    assertThat(metrics.getNumberOfFailedCalls()).isEqualTo(1);
    assertThat(metrics.getNumberOfBufferedCalls()).isEqualTo(threads * perThread + 1);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void quickSuccessesCreateNoBreaker(long seed) {
    ClientOptions options = options(POLICY);
    Resilience r = new Resilience("payments", options);
    int calls = 1 + new Random(seed).nextInt(50);
    for (int i = 0; i < calls; i++) {
      assertThat(r.permitCall()).isTrue();
      r.recordCall(false, 1_000);
    }
    assertThat(r.breakerState()).isEqualTo("CLOSED");
    assertThat(r.describeBreaker()).isEqualTo("circuit breaker 'payments' is CLOSED");
    assertThat(r.hasBreaker()).isFalse();
  }
}
