package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.testkit.Faults;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The money promises (PROMISES.md M1-M5) against seeded random <em>sequences</em> of faults, one
 * per attempt, on every write of both clients, run against the sandbox (issue 14's method).
 *
 * <p>Each sequence draws a write ({@link FaultSequenceWrites}) and a fault for each of its
 * attempts: reset before processing, reset after commit, connection refused (the sandbox's {@link
 * ma.hirfa.sdk.testkit.Gate} shut), a read timeout after commit, a 503 before and a 500 after
 * commit, 429 with and without {@code Retry-After}, a truncated or malformed 2xx, the breaker
 * opening and the client closing between attempts. For each call it asserts:
 *
 * <ul>
 *   <li>writes ≤ 1 (M2), and a call that returned wrote exactly once (M1);
 *   <li>an exception saying the request was not sent means no write (M3);
 *   <li>an exception raised after a request left carries the idempotency key, the attempt count,
 *       the request id whenever an answer carrying one reached the client, and the last status
 *       whenever one did (M4; what reached the client is read from its {@code CallListener});
 *   <li>the call ended within its deadline plus one second (M5).
 * </ul>
 *
 * CI runs {@value #DEFAULT_SEQUENCES} sequences; {@code -Dfaults.sequences=N} runs more, {@code
 * -Dfaults.seed=S} another run, and {@code -Dfaults.only=I} replays sequence {@code I} alone.
 * {@code target/fault-sequences.md} reports what was drawn.
 */
class FaultSequencePropertyTest {
  static final int DEFAULT_SEQUENCES = 2_000;
  static final int SEQUENCES = Integer.getInteger("faults.sequences", DEFAULT_SEQUENCES);
  static final long SEED = Long.getLong("faults.seed", 20_261_129L);
  static final Duration DEADLINE = Duration.ofSeconds(5);
  static final Duration READ_TIMEOUT = Duration.ofMillis(150);
  static final int MAX_ATTEMPTS = 4;

  /** A fault before or during one attempt. */
  enum Fault {
    PASS(14),
    RESET_BEFORE(8),
    RESET_AFTER_COMMIT(12),
    REFUSED(10),
    READ_TIMEOUT_AFTER_COMMIT(3),
    STATUS_503(7),
    STATUS_500_AFTER_COMMIT(8),
    RATE_LIMITED(5),
    RATE_LIMITED_NO_RETRY_AFTER(5),
    TRUNCATED_2XX(6),
    MALFORMED_2XX(6),
    BREAKER_OPENS(3),
    CLIENT_CLOSES(3);

    final int weight;

    Fault(int weight) {
      this.weight = weight;
    }

    Faults.Step step() {
      return switch (this) {
        case RESET_BEFORE -> Faults.Step.resetBefore();
        case RESET_AFTER_COMMIT -> Faults.Step.resetAfterCommit();
        case READ_TIMEOUT_AFTER_COMMIT -> Faults.Step.delay(READ_TIMEOUT.multipliedBy(3));
        case STATUS_503 -> Faults.Step.status(503);
        case STATUS_500_AFTER_COMMIT -> Faults.Step.statusAfterCommit(500);
        case RATE_LIMITED -> Faults.Step.rateLimited(Duration.ofSeconds(1));
        case RATE_LIMITED_NO_RETRY_AFTER -> Faults.Step.rateLimited(null);
        case TRUNCATED_2XX -> Faults.Step.truncated();
        case MALFORMED_2XX -> Faults.Step.malformed();
        // Faults on the client's side of the wire: the request itself passes.
        case PASS, REFUSED, BREAKER_OPENS, CLIENT_CLOSES -> Faults.Step.pass();
      };
    }
  }

  static Sandbox sandbox;
  static final Map<String, Integer> OUTCOMES = new TreeMap<>();
  static final Map<String, String> FIRST_MESSAGE = new TreeMap<>();
  static final Map<Fault, Integer> DRAWN = new EnumMap<>(Fault.class);
  static final List<String> VIOLATIONS = new ArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().gate(true).catalogSize(200).start();
  }

  @AfterAll
  static void stop() throws IOException {
    sandbox.close();
    StringBuilder report =
        new StringBuilder("# Fault sequences\n\n")
            .append(SEQUENCES)
            .append(" sequences, seed ")
            .append(SEED)
            .append("\n\n## Faults drawn (per attempt)\n\n");
    DRAWN.forEach((f, n) -> report.append("- ").append(f).append(": ").append(n).append('\n'));
    report.append("\n## Outcomes (write, result)\n\n");
    OUTCOMES.forEach(
        (o, n) ->
            report
                .append("- ")
                .append(o)
                .append(": ")
                .append(n)
                .append(
                    FIRST_MESSAGE.containsKey(o) ? " (first: " + FIRST_MESSAGE.get(o) + ")" : "")
                .append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target", "fault-sequences.md"), report.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void everyWriteKeepsTheMoneyPromisesUnderEverySequenceOfFaults() {
    SplittableRandom random = new SplittableRandom(SEED);
    int only = Integer.getInteger("faults.only", -1);
    for (int i = 0; i < SEQUENCES; i++) {
      SplittableRandom r = random.split();
      if (only < 0 || only == i) {
        runOne(i, r);
      }
    }
    assertThat(VIOLATIONS).as("sequences that broke a promise").isEmpty();
  }

  private static void runOne(int index, SplittableRandom random) {
    FaultSequenceWrites.Write write = FaultSequenceWrites.pick(random);
    List<Fault> faults = new ArrayList<>();
    for (int a = 0; a < MAX_ATTEMPTS; a++) {
      Fault f = draw(random);
      // Closing or tripping the breaker before the first attempt only refuses the call: that
      // case has its own tests; here they happen between attempts.
      faults.add(a == 0 && (f == Fault.CLIENT_CLOSES || f == Fault.BREAKER_OPENS) ? Fault.PASS : f);
    }
    String prefix = "seq" + index + "x" + Long.toHexString(random.nextLong() & 0xFFFFFFL);
    String key = prefix + "-2"; // the ids of a fresh client: invocation id, then key
    sandbox.gate().open();
    String subject = write.prepare(sandbox, prefix);
    sandbox.faults().script(key, faults.stream().map(Fault::step).toArray(Faults.Step[]::new));
    OffsetClock clock = new OffsetClock();
    int[] nextAttempt = {1};
    FaultSequenceWrites.Clients clients = new FaultSequenceWrites.Clients();
    List<AttemptEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Consumer<ClientOptions.Builder> options =
        o ->
            o.apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .clock(clock)
                .connectTimeout(Duration.ofSeconds(1))
                .callTimeout(DEADLINE)
                .readTimeout(READ_TIMEOUT)
                .idGenerator(new Counter(prefix))
                .addListener(
                    new CallListener() {
                      @Override
                      public void attemptFinished(AttemptEvent e) {
                        if (e.idempotencyKey() != null && e.idempotencyKey().equals(key)) {
                          seen.add(e);
                        }
                      }
                    })
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200))
                        .build())
                .circuitBreakerPolicy(
                    CircuitBreakerPolicy.builder()
                        .windowSize(1)
                        .minimumCalls(1)
                        .failureRatePercent(100)
                        .build())
                .sleeper(
                    d -> {
                      clock.advance(d);
                      if (!clients.tripping) {
                        nextAttempt[0]++;
                        beforeAttempt(faults, nextAttempt[0], clients, prefix);
                      }
                    });
    clients.open(options, write.api());
    beforeAttempt(faults, 1, clients, prefix);
    java.time.Instant started = clock.instant();
    Throwable thrown = null;
    try {
      write.call(clients, subject, random.nextInt(4) == 0);
    } catch (HirfaException | IllegalStateException e) {
      thrown = e;
    } catch (ExecutionException e) {
      thrown = e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      thrown = e;
    } finally {
      clients.close();
      sandbox.gate().open();
    }
    Duration took = Duration.between(started, clock.instant());
    // Counted by key: a request of an earlier sequence that the sandbox processes late (a delayed
    // attempt its call gave up on) is that call's write, not this one's.
    long writes = sandbox.writesApplied(key);
    faults.forEach(f -> DRAWN.merge(f, 1, Integer::sum));
    String outcome = thrown == null ? "returned" : thrown.getClass().getSimpleName();
    OUTCOMES.merge(write.name() + ", " + outcome, 1, Integer::sum);
    if (thrown != null) {
      FIRST_MESSAGE.putIfAbsent(write.name() + ", " + outcome, String.valueOf(thrown.getMessage()));
    }
    check(index, write, faults, seen, thrown, writes, took);
  }

  /** Sets the client-side fault of attempt {@code attempt} before it starts. */
  private static void beforeAttempt(
      List<Fault> faults, int attempt, FaultSequenceWrites.Clients clients, String prefix) {
    Fault f = attempt <= faults.size() ? faults.get(attempt - 1) : Fault.PASS;
    if (f == Fault.REFUSED) {
      sandbox.gate().shut();
    } else {
      sandbox.gate().open();
    }
    if (f == Fault.BREAKER_OPENS) {
      // Another call of the same client meets a dead API: the breaker (one failure opens it)
      // opens while this call is between two attempts.
      clients.tripBreaker(sandbox, prefix);
    }
    if (f == Fault.CLIENT_CLOSES) {
      clients.close();
    }
  }

  private static void check(
      int index,
      FaultSequenceWrites.Write write,
      List<Fault> faults,
      List<AttemptEvent> seen,
      Throwable thrown,
      long writes,
      Duration took) {
    List<String> broken = new ArrayList<>();
    if (writes > 1) {
      broken.add("M2: " + writes + " writes");
    }
    if (thrown == null && writes != 1) {
      broken.add("M1: returned with " + writes + " writes");
    }
    if (thrown instanceof HirfaException e) {
      if (!e.mayHaveBeenSent() && writes != 0) {
        broken.add("M3: says not sent, " + writes + " writes");
      }
      if (e.attempts() > 0) {
        if (e.idempotencyKey() == null) {
          broken.add("M4: no idempotency key");
        }
        if (seen.stream().anyMatch(x -> x.requestId() != null) && e.requestId() == null) {
          broken.add("M4: no request id although an answer carried one");
        }
        if (seen.stream().anyMatch(x -> x.status() != 0) && e.status() == 0) {
          broken.add("M4: no status although an answer arrived");
        }
        // An attempt cut short by the deadline timer of an async call never reports itself.
        int unreported = e instanceof ma.hirfa.sdk.core.CallTimeoutException ? 1 : 0;
        if (seen.size() > e.attempts() || seen.size() < e.attempts() - unreported) {
          broken.add("M4: " + e.attempts() + " attempts reported, " + seen.size() + " made");
        }
      }
    } else if (thrown != null) {
      broken.add("unexpected " + thrown);
    }
    if (took.compareTo(DEADLINE.plusSeconds(1)) > 0) {
      broken.add("M5: took " + took.toMillis() + " ms");
    }
    if (!broken.isEmpty()) {
      VIOLATIONS.add(
          "#" + index + " " + write.name() + " " + faults + " -> " + thrown + ": " + broken);
    }
  }

  private static Fault draw(SplittableRandom random) {
    int total = 0;
    for (Fault f : Fault.values()) {
      total += f.weight;
    }
    int r = random.nextInt(total);
    for (Fault f : Fault.values()) {
      r -= f.weight;
      if (r < 0) {
        return f;
      }
    }
    throw new AssertionError();
  }

  /** Ids {@code prefix-1}, {@code prefix-2}, ...: the test knows each call's key in advance. */
  static final class Counter implements ma.hirfa.sdk.core.IdGenerator {
    private final String prefix;
    private int n;

    Counter(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public synchronized String newId() {
      return prefix + "-" + ++n;
    }
  }

  /** The real clock plus every back-off "slept", so waits cost no time but count as time. */
  static final class OffsetClock extends java.time.Clock {
    private volatile long offsetNanos;

    void advance(Duration d) {
      offsetNanos += d.toNanos();
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.now().plusNanos(offsetNanos);
    }
  }
}
