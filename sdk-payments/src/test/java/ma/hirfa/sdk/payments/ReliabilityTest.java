package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.testkit.Faults;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite: every fault a bank's network throws at a payment create, and a load run
 * with random faults, checking that nothing is lost or doubled. It writes {@code
 * target/reliability-report.md}. {@code -Dreliability.long=true} runs the long variant (32 threads
 * × 2,000 calls); CI runs 32 × 150.
 */
class ReliabilityTest {
  static final boolean LONG = Boolean.getBoolean("reliability.long");
  static final List<String> REPORT = new ArrayList<>();
  static final String CARD = "4242424242424242";
  static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(4)
          .initialBackoff(Duration.ofMillis(5))
          .maxBackoff(Duration.ofMillis(50))
          .maxRetryAfter(Duration.ofMillis(200))
          .build();

  /** The invariant: zero or one write, and an outcome that says which. */
  record Verdict(String fault, String outcome, int writes, boolean consistent) {}

  @AfterAll
  static void writeReport() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target", "reliability-report.md"),
        "# Reliability report\n\n" + String.join("\n", REPORT) + "\n",
        StandardCharsets.UTF_8);
  }

  static PaymentsClient client(
      Sandbox sandbox, java.util.function.Consumer<ma.hirfa.sdk.core.ClientOptions.Builder> more) {
    return PaymentsClient.builder()
        .apiKey(sandbox.apiKey())
        .baseUrl(sandbox.baseUrl())
        .configure(
            o -> {
              o.retryPolicy(POLICY)
                  .readTimeout(Duration.ofSeconds(3))
                  .connectionPool(32, Duration.ofSeconds(30))
                  .maxConcurrentRequests(64);
              more.accept(o);
            })
        .build();
  }

  static PaymentCreateParams create(String order) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("100.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(PaymentMethodInput.card(CARD, 12, 2031, "123"))
        .build();
  }

  /**
   * One money-moving create under test: the path its faults are injected on, how to prepare a fresh
   * subject (the order, payment or artisan the write belongs to) from a name, the call, and how
   * many writes the sandbox holds for that subject.
   */
  record Write(
      String path,
      java.util.function.BiFunction<Sandbox, String, String> subject,
      java.util.function.BiConsumer<PaymentsClient, String> call,
      java.util.function.ToIntBiFunction<Sandbox, String> count) {}

  static final Write PAYMENT =
      new Write(
          "/v1/payments",
          (sandbox, name) -> name,
          (client, order) -> client.payments().create(create(order)),
          Sandbox::paymentCount);

  static final Write REFUND =
      new Write(
          "/v1/refunds",
          (sandbox, name) -> {
            try (PaymentsClient clean = client(sandbox, o -> {})) {
              return clean.payments().create(create(name)).id();
            }
          },
          (client, paymentId) ->
              client
                  .refunds()
                  .create(RefundCreateParams.partial(paymentId, Money.parse("10.00", "MAD"))),
          Sandbox::refundCount);

  static final Write PAYOUT =
      new Write(
          "/v1/payouts",
          (sandbox, name) -> "art_" + name.replace("-", ""),
          (client, artisanId) ->
              client
                  .payouts()
                  .create(
                      PayoutCreateParams.of(
                          artisanId,
                          Money.parse("250.00", "MAD"),
                          PayoutDestination.rib("011519000001205000534921"))),
          Sandbox::payoutCount);

  /** Runs one create and checks the invariant against the sandbox. */
  static Verdict attempt(
      Sandbox sandbox, PaymentsClient client, Write write, String fault, String subject) {
    String outcome;
    boolean consistent;
    int count;
    try {
      write.call().accept(client, subject);
      count = write.count().applyAsInt(sandbox, subject);
      outcome = "returned";
      consistent = count == 1;
    } catch (HirfaException e) {
      count = write.count().applyAsInt(sandbox, subject);
      boolean saysMaybe =
          e instanceof ConnectionException c && c.mayHaveBeenSent() && e.idempotencyKey() != null;
      outcome =
          e.getClass().getSimpleName() + (saysMaybe ? " (may have been sent, key given)" : "");
      // Never "failed" when the write exists, unless the exception says it may have been sent.
      consistent = count == 0 || (count == 1 && saysMaybe);
    }
    return new Verdict(fault, outcome, count, consistent);
  }

  /** Live threads by name, without the JDK's and JUnit's own pools. */
  static java.util.Set<String> threadNames() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()
          && !t.getName().startsWith("ForkJoinPool")
          && !t.getName().startsWith("Attach")) {
        names.add(taskRunnerAsOne(t.getName()).replaceAll("\\d+", "#"));
      }
    }
    return names;
  }

  /**
   * OkHttp's task runner renames its threads to the task they run ("OkHttp ConnectionPool
   * connection closer"), and back when idle: one per JVM, under any of these names. A dispatcher
   * thread ("OkHttp Dispatcher", or "OkHttp http://..." while it runs a call) keeps its own name.
   */
  private static String taskRunnerAsOne(String name) {
    return name.startsWith("OkHttp ")
            && !name.startsWith("OkHttp Dispatcher")
            && !name.startsWith("OkHttp http")
        ? "OkHttp TaskRunner"
        : name;
  }

  @Test
  void everyFaultOnAPaymentCreateLeavesZeroOrOnePaymentAndAnOutcomeThatSaysWhich()
      throws Exception {
    List<Verdict> verdicts = faultMatrix(PAYMENT, "payments().create");
    assertThat(verdicts.get(2).outcome()).contains("may have been sent");
  }

  @Test
  void everyFaultOnARefundCreateLeavesZeroOrOneRefundAndAnOutcomeThatSaysWhich() throws Exception {
    faultMatrix(REFUND, "refunds().create");
  }

  @Test
  void everyFaultOnAPayoutCreateLeavesZeroOrOnePayoutAndAnOutcomeThatSaysWhich() throws Exception {
    faultMatrix(PAYOUT, "payouts().create");
  }

  /** Binds {@code socket} to a free loopback port without listening, and returns the port. */
  static int bindOnly(Socket socket) throws IOException {
    socket.bind(new InetSocketAddress("127.0.0.1", 0));
    return socket.getLocalPort();
  }

  /**
   * Runs every fault of the matrix against {@code write}, each with a fresh client and subject,
   * reports the verdicts and checks the invariant and the expected outcome of each fault.
   */
  static List<Verdict> faultMatrix(Write write, String name) throws IOException {
    String path = write.path();
    String tag = path.substring(4, 7).toUpperCase(java.util.Locale.ROOT);
    List<Verdict> verdicts = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.start()) {
      // Each fault meets a fresh client, as each is a separate incident: one client's circuit
      // breaker would otherwise (rightly) fail fast after the first few.
      Faults f = sandbox.faults();
      java.util.function.BiFunction<String, String, Verdict> run =
          (fault, subjectName) -> {
            String subject = write.subject().apply(sandbox, tag + "-" + subjectName);
            try (PaymentsClient client = client(sandbox, o -> {})) {
              return attempt(sandbox, client, write, fault, subject);
            }
          };
      f.resetBefore("POST", path, 1);
      verdicts.add(run.apply("reset before processing, once", "F1"));
      f.resetAfterCommit("POST", path, 1);
      verdicts.add(run.apply("reset after commit, once", "F2"));
      f.resetAfterCommit("POST", path, 10);
      verdicts.add(run.apply("reset after commit, every attempt", "F3"));
      f.clear();
      f.delay("POST", path, Duration.ofSeconds(4), 1);
      verdicts.add(run.apply("read timeout (4 s > 3 s), once", "F4"));
      f.status("POST", path, 503, 3);
      verdicts.add(run.apply("503 burst of 3", "F5"));
      f.status("POST", path, 503, 10);
      verdicts.add(run.apply("503 on every attempt", "F6"));
      f.clear();
      f.rateLimited("POST", path, Duration.ofSeconds(1), 2);
      verdicts.add(run.apply("429 with Retry-After, twice", "F7"));
      f.rateLimited("POST", path, null, 2);
      verdicts.add(run.apply("429 without Retry-After, twice", "F8"));
      f.rateLimited("POST", path, null, 10);
      verdicts.add(run.apply("429 without Retry-After, every attempt", "F9"));
      f.clear();
      String subject = write.subject().apply(sandbox, tag + "-F10");
      // A port bound but never listening: refused, and held so that nothing else takes it.
      try (Socket closed = new Socket();
          PaymentsClient refused =
              PaymentsClient.builder()
                  .apiKey(sandbox.apiKey())
                  .baseUrl("http://127.0.0.1:" + bindOnly(closed) + "/")
                  .configure(
                      o ->
                          o.retryPolicy(
                              RetryPolicy.builder()
                                  .maxAttempts(2)
                                  .initialBackoff(Duration.ofMillis(5))
                                  .build()))
                  .build()) {
        verdicts.add(attempt(sandbox, refused, write, "connection refused", subject));
      }
    }
    REPORT.add("## Faults on `" + name + "`\n");
    REPORT.add("| fault | outcome | writes on the server | consistent |");
    REPORT.add("|---|---|---|---|");
    for (Verdict v : verdicts) {
      REPORT.add(
          "| "
              + v.fault()
              + " | "
              + v.outcome()
              + " | "
              + v.writes()
              + " | "
              + v.consistent()
              + " |");
    }
    REPORT.add("");
    assertThat(verdicts).allSatisfy(v -> assertThat(v.consistent()).as(v.toString()).isTrue());
    // The faults a retry gets through end with exactly one write and a returned call.
    for (int i : new int[] {0, 1, 3, 4, 6, 7}) {
      assertThat(verdicts.get(i).outcome()).as(verdicts.get(i).fault()).isEqualTo("returned");
      assertThat(verdicts.get(i).writes()).as(verdicts.get(i).fault()).isEqualTo(1);
    }
    // The faults that outlast the retries end with a typed exception and no write.
    assertThat(verdicts.get(5).outcome()).isEqualTo("ServerException");
    assertThat(verdicts.get(8).outcome()).isEqualTo("RateLimitException");
    assertThat(verdicts.get(9).outcome()).isEqualTo("ConnectionException");
    for (int i : new int[] {5, 8, 9}) {
      assertThat(verdicts.get(i).writes()).as(verdicts.get(i).fault()).isZero();
    }
    return verdicts;
  }

  @Test
  void underLoadWithRandomFaultsNothingIsLostOrDoubledAndNothingLeaks() throws Exception {
    int threads = 32;
    int callsPerThread = LONG ? 2_000 : 150;
    AtomicLong attempts = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    AtomicLong retriesOfFailedCalls = new AtomicLong();
    Map<String, Boolean> createsReturned = new ConcurrentHashMap<>();
    Map<String, Boolean> createsMaybe = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    Map<String, Integer> failuresByType = new ConcurrentHashMap<>();
    AtomicInteger reads = new AtomicInteger();
    // OkHttp's task runner and Okio's watchdog are one pair of daemon threads per JVM, started by
    // the first client of any test and idle-stopped later: start them before counting, so the
    // count compares what this run leaves behind, whatever ran before it in this JVM.
    try (Sandbox warm = Sandbox.start();
        PaymentsClient client = client(warm, o -> {})) {
      client.payments().create(create("W-0"));
    }
    java.util.Set<String> threadsBefore = threadNames();
    CallListener counter =
        new CallListener() {
          @Override
          public void attemptFinished(ma.hirfa.sdk.core.AttemptEvent e) {
            attempts.incrementAndGet();
            if (e.retryIn() != null) {
              retries.incrementAndGet();
            }
          }

          @Override
          public void callFinished(ma.hirfa.sdk.core.CallEvent e) {
            if (!e.succeeded()) {
              retriesOfFailedCalls.addAndGet(e.attempts() - 1);
            }
          }
        };
    long started = System.nanoTime();
    int connectionsAfter;
    Map<Faults.Kind, Integer> injected;
    int duplicates = 0;
    int lost = 0;
    int verified = 0;
    try (Sandbox sandbox = Sandbox.builder().rateLimit(1_000_000, Duration.ofSeconds(1)).start()) {
      // A server in production is warm: a few calls first, so the load does not meet a cold JIT
      // with 32 threads at once (on 2 cores their first calls could outlast the matrix's read
      // timeout, and the breaker then, rightly, opens).
      try (PaymentsClient warmUp = client(sandbox, o -> {})) {
        for (int i = 0; i < 50; i++) {
          String id = warmUp.payments().create(create("W-" + i)).id();
          warmUp.payments().get(id);
          warmUp.payments().list(PaymentListParams.defaults());
          warmUp.refunds().create(RefundCreateParams.partial(id, Money.parse("1.00", "MAD")));
        }
      }
      sandbox
          .faults()
          .random(
              "POST",
              "/v1/",
              0.05,
              2026,
              Faults.Kind.RESET_BEFORE,
              Faults.Kind.RESET_AFTER_COMMIT,
              Faults.Kind.STATUS);
      // The faults here are resets and statuses, none waits for a timeout: a read timeout long
      // enough for 32 threads on a loaded 2-core machine keeps a slow machine from opening the
      // breaker (which it rightly does when the read timeout fires for every call).
      try (PaymentsClient client =
          client(sandbox, o -> o.addListener(counter).readTimeout(Duration.ofSeconds(10)))) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          done.add(
              pool.submit(
                  () -> {
                    SplittableRandom r = new SplittableRandom(thread);
                    String lastPayment = null;
                    for (int i = 0; i < callsPerThread; i++) {
                      int kind = r.nextInt(10);
                      try {
                        if (kind < 5 || lastPayment == null) {
                          String order = "L-" + thread + "-" + i;
                          try {
                            lastPayment = client.payments().create(create(order)).id();
                            createsReturned.put(order, true);
                          } catch (ConnectionException e) {
                            if (e.mayHaveBeenSent()) {
                              createsMaybe.put(order, true);
                            } else {
                              createsReturned.put(order, false);
                            }
                            failures.incrementAndGet();
                            failuresByType.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                          }
                        } else if (kind < 8) {
                          client.payments().get(lastPayment);
                          reads.incrementAndGet();
                        } else if (kind < 9) {
                          client.payments().list(PaymentListParams.defaults());
                          reads.incrementAndGet();
                        } else {
                          client
                              .refunds()
                              .create(
                                  RefundCreateParams.partial(
                                      lastPayment, Money.parse("1.00", "MAD")));
                        }
                      } catch (HirfaException e) {
                        failures.incrementAndGet();
                        failuresByType.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        connectionsAfter = client.runtime().connectionCount();
      }
      injected = sandbox.faults().randomFaultsInjected();
      for (Map.Entry<String, Boolean> e : createsReturned.entrySet()) {
        int n = sandbox.paymentCount(e.getKey());
        verified++;
        if (n > 1) {
          duplicates++;
        }
        if (e.getValue() && n == 0) {
          lost++;
        }
        if (!e.getValue() && n != 0) {
          lost++; // "failed, not sent" yet the payment exists: the outcome lied
        }
      }
      for (String order : createsMaybe.keySet()) {
        verified++;
        if (sandbox.paymentCount(order) > 1) {
          duplicates++;
        }
      }
    }
    // Threads of shut-down executors end on their own time: poll (up to 10 s) rather than guess.
    java.util.Set<String> leaked = threadNames();
    leaked.removeAll(threadsBefore);
    for (long until = System.nanoTime() + 10_000_000_000L;
        !leaked.isEmpty() && System.nanoTime() < until; ) {
      Thread.sleep(50);
      leaked = threadNames();
      leaked.removeAll(threadsBefore);
    }
    long calls = (long) threads * callsPerThread;
    RetryPolicy policy = POLICY;
    REPORT.add("## Load with random faults\n");
    REPORT.add(
        "- Calls: "
            + calls
            + " ("
            + threads
            + " threads × "
            + callsPerThread
            + "), mixed: creates, reads, lists, refunds");
    REPORT.add("- Faults injected by the sandbox (5 % of POSTs): " + injected);
    REPORT.add(
        "- Attempts: "
            + attempts.get()
            + ", retries: "
            + retries.get()
            + ", calls that failed: "
            + failures.get()
            + (failuresByType.isEmpty() ? "" : " " + new java.util.TreeMap<>(failuresByType)));
    REPORT.add(
        "- Writes verified on the server: "
            + verified
            + "; lost: "
            + lost
            + "; duplicated: "
            + duplicates);
    REPORT.add(
        "- Connections left in the pool after the run: " + connectionsAfter + " (at most 32)");
    REPORT.add(
        "- Threads alive after the run that were not before (client and sandbox closed): "
            + leaked);
    REPORT.add("- Time: " + (System.nanoTime() - started) / 1_000_000 + " ms");
    REPORT.add("");
    assertThat(duplicates).isZero();
    assertThat(lost).isZero();
    assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    assertThat(connectionsAfter).isLessThanOrEqualTo(32);
    assertThat(leaked).as("threads left behind").isEmpty();
    // A call that succeeds after retries gives its tokens back (the AWS SDKs' rule): what the
    // budget bounds is the retries of the calls that failed in the end.
    assertThat(retriesOfFailedCalls.get())
        .as("retries of failed calls stay within the budget")
        .isLessThanOrEqualTo(
            policy.budgetTokens() + (long) (calls * policy.budgetRefillPerSuccess()));
  }
}
