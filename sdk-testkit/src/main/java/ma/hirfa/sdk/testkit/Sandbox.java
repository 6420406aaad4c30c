package ma.hirfa.sdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.marketplace.CatalogFeed;
import ma.hirfa.sdk.testkit.server.RequestLog;
import ma.hirfa.sdk.testkit.server.Streamer;
import org.jspecify.annotations.Nullable;

/**
 * The embedded sandbox: a stateful implementation of the Hirfa APIs on 127.0.0.1, started in one
 * call, with no account and no network.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *   ClientOptions options = sandbox.clientOptions().build();   // base URL and a test key
 *   // ... use any Hirfa client against it
 *   sandbox.clock().advance(Duration.ofHours(2));              // let a cash voucher be paid
 * }
 * }</pre>
 *
 * <p>It implements the contract under {@code docs/openapi} for real: every request is checked
 * against it (a violation is a {@code 400 contract_violation} naming it), POSTs honour {@code
 * Idempotency-Key}, lists paginate with cursors, reads carry {@code ETag}, every answer carries
 * {@code Request-Id} and {@code RateLimit-*}, and errors are {@code application/problem+json}. It
 * accepts any {@code sk_test_} key and refuses {@code sk_live_} keys. Magic inputs (test cards,
 * wallet numbers) and faults are described in {@code docs/sandbox.md}.
 *
 * <p>Thread-safe; each instance has its own state and port. {@link #close()} stops it.
 */
public final class Sandbox implements AutoCloseable {
  static final int DEFAULT_CATALOG_SIZE = 1_000;
  static final long DEFAULT_SEED = 20_261_101L;
  static final int MAX_CATALOG_SIZE = 10_000_000;
  static final int DEFAULT_JOURNAL_SIZE = 1_000;
  private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);

  private final Wiring w;
  private final WireMockServer server;
  private final @Nullable Gate gate;
  private final String apiKey;

  private Sandbox(Builder b) {
    this.w = new Wiring(b);
    WireMockConfiguration config =
        wireMockConfig()
            .bindAddress("127.0.0.1")
            .port(b.gate ? 0 : b.port)
            .containerThreads(64)
            .disableRequestJournal()
            .maxLoggedResponseSize(1024)
            .gzipDisabled(true)
            // HTTP/1.1 only: a granted h2c upgrade broke JDK clients (docs/sandbox.md)
            .http2PlainDisabled(true)
            .extensions(w.router, w.streamer);
    if (b.requestLog != null) {
      config.extensions(new RequestLog(b.requestLog));
    }
    this.server = new WireMockServer(config);
    server.start();
    server.stubFor(
        any(anyUrl()).willReturn(aResponse().withTransformers(Router.NAME, Streamer.NAME)));
    this.gate = b.gate ? new Gate(b.gatePort, server.port()) : null;
    w.baseUrl[0] = baseUrl();
    this.apiKey = "sk_test_sandbox" + Long.toHexString(b.seed & 0xFFFFFFFFL) + "key";
  }

  /** Starts a sandbox on a free port with the default settings. */
  public static Sandbox start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Like {@code http://127.0.0.1:41234/}: the {@link #gate()}'s port when there is one. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  public int port() {
    return gate != null ? gate.port() : server.port();
  }

  /**
   * The front door that can be shut to make the sandbox look dead (connections refused).
   *
   * @throws IllegalStateException if the sandbox was built without a gate
   */
  public Gate gate() {
    if (gate == null) {
      throw new IllegalStateException("build the sandbox with Sandbox.builder().gate(true)");
    }
    return gate;
  }

  /**
   * How many writes (POST, PUT, PATCH, DELETE) the sandbox has applied: each request its handlers
   * accepted, not counting idempotent replays nor refusals. Compare it before and after a call to
   * check that the call wrote exactly once.
   */
  public long writesApplied() {
    return w.router.writes();
  }

  /**
   * How many writes the sandbox applied with this {@code Idempotency-Key} (the last 100,000 keys
   * are remembered): exactly-once checks of one call, unaffected by other calls, including a
   * request of an earlier call that the server processes late.
   */
  public long writesApplied(String idempotencyKey) {
    return w.router.writes(idempotencyKey);
  }

  /** A test key the sandbox accepts (any {@code sk_test_} key is accepted). */
  public String apiKey() {
    return apiKey;
  }

  /** A client configuration pointed at this sandbox, with its key and clock; add your settings. */
  public ClientOptions.Builder clientOptions() {
    return ClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl());
  }

  /** The sandbox's clock; {@link SandboxClock#advance} moves pending payments and payouts along. */
  public SandboxClock clock() {
    return w.clock;
  }

  /** Faults to inject into the next matching requests. */
  public Faults faults() {
    return w.faults;
  }

  /**
   * Misbehaviours of the catalog export and change feed (cut exports, missing headers, replayed,
   * shuffled, stalled or thin feed pages, expired cursors), for sync tests.
   */
  public CatalogFaults catalogFaults() {
    return w.catalogFaults;
  }

  /** How many payments the sandbox holds with this order reference (for exactly-once checks). */
  public int paymentCount(String orderReference) {
    return w.book.paymentsFor(Objects.requireNonNull(orderReference, "orderReference == null"));
  }

  /** How many refunds the sandbox holds against this payment (for exactly-once checks). */
  public int refundCount(String paymentId) {
    return w.book.refundsFor(Objects.requireNonNull(paymentId, "paymentId == null"));
  }

  /** How many payouts the sandbox holds for this artisan (for exactly-once checks). */
  public int payoutCount(String artisanId) {
    return w.book.payoutsFor(Objects.requireNonNull(artisanId, "artisanId == null"));
  }

  /**
   * Does what the cardholder does on the 3-D Secure page of a payment waiting on it (card {@code
   * MagicInputs.CARD_3DS}): {@code approve} authenticates it, otherwise it fails ({@code
   * authentication_failed}); its event is sent. Returns the new status; a {@link
   * ValidationException} naming {@code paymentId} if no payment of this id awaits 3-D Secure.
   */
  public String completeThreeDs(String paymentId, boolean approve) {
    return w.payments.completeThreeDs(
        Objects.requireNonNull(paymentId, "paymentId == null"), approve);
  }

  /** The catalog as the sandbox holds it now, for tests that check what a client imported. */
  public CatalogView catalog() {
    return new CatalogView(w.products);
  }

  /** How many payments the sandbox holds. */
  public int paymentCount() {
    return w.book.paymentCount();
  }

  /**
   * The requests this sandbox received, oldest first: the last 1,000 (see {@link
   * Builder#journalSize(int)}), each with its method, path, headers (secrets masked), body, {@code
   * Idempotency-Key}, {@code Hirfa-Attempt} and the status answered. A request is in the journal
   * before its answer is sent, so a call that returned is in it.
   *
   * <pre>{@code
   * client.payments().create(params);
   * RecordedRequest sent = sandbox.takeRequest();
   * assertThat(sent.path()).isEqualTo("/v1/payments");
   * assertThat(sent.idempotencyKey()).isNotBlank();
   * assertThat(sent.header("Authorization")).isEqualTo("Bearer sk_test_****");
   * }</pre>
   */
  public List<RecordedRequest> requests() {
    return w.journal.all();
  }

  /**
   * The oldest request not taken yet, waiting up to 10 seconds for one to arrive: successive calls
   * walk the requests in the order the sandbox handled them (concurrent ones: as their handling
   * ended), like a queue. Requests dropped from a full journal are skipped.
   *
   * @throws IllegalStateException if none arrives in time, or the journal is off
   */
  public RecordedRequest takeRequest() {
    return takeRequest(TAKE_TIMEOUT);
  }

  /**
   * Like {@link #takeRequest()}, waiting up to {@code timeout}.
   *
   * @throws IllegalStateException if none arrives in time, or the journal is off
   */
  public RecordedRequest takeRequest(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    try {
      return w.journal.take(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }

  /** Empties the journal: {@link #requests()} and {@link #takeRequest()} start afresh. */
  public void clearRequests() {
    w.journal.clear();
  }

  @Override
  public void close() {
    if (gate != null) {
      gate.close();
    }
    server.stop();
    w.webhooks.close();
  }

  /** Configures a {@link Sandbox}. */
  public static final class Builder {
    int port;
    int catalogSize = DEFAULT_CATALOG_SIZE;
    long seed = DEFAULT_SEED;
    int rateLimit = 10_000;
    Duration rateWindow = Duration.ofSeconds(1);
    Clock clock = Clock.systemUTC();
    boolean strictResponses = true;
    Duration webhookBackoff = Duration.ofMillis(500);
    int webhookAttempts = 5;
    boolean gate;
    int gatePort;
    @Nullable Consumer<String> requestLog;
    Duration feedRetention = CatalogFeed.DEFAULT_RETENTION;
    int journalSize = DEFAULT_JOURNAL_SIZE;

    private Builder() {}

    /** One line per answered request to {@code sink} (the standalone sandbox's log). */
    Builder requestLog(Consumer<String> sink) {
      this.requestLog = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * Puts a {@link Gate} in front of the sandbox, so that a test can make it look dead
     * (connections refused) and alive again; {@link #port(int)} is then the gate's port.
     */
    public Builder gate(boolean gate) {
      this.gate = gate;
      return this;
    }

    /**
     * Webhook retries: up to {@code attempts} attempts, waiting {@code backoff}, then twice as long
     * each time (defaults 5 and 500 ms, in real time).
     */
    public Builder webhookRetries(int attempts, Duration backoff) {
      if (attempts < 1 || attempts > 20) {
        throw new ValidationException(
            "webhookRetries.attempts", "must be between 1 and 20 but was " + attempts);
      }
      if (backoff.isNegative()) {
        throw new ValidationException(
            "webhookRetries.backoff", "must not be negative but was " + backoff);
      }
      this.webhookAttempts = attempts;
      this.webhookBackoff = backoff;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new ValidationException("port", "must be between 0 and 65535 but was " + port);
      }
      this.port = port;
      this.gatePort = port;
      return this;
    }

    /**
     * How many sample products the catalog starts with (default 1,000; up to 10,000,000). They are
     * generated from the seed when read, so even millions start at once and cost no heap; only
     * changes are stored.
     */
    public Builder catalogSize(int products) {
      if (products < 0 || products > MAX_CATALOG_SIZE) {
        throw new ValidationException(
            "catalogSize", "must be between 0 and " + MAX_CATALOG_SIZE + " but was " + products);
      }
      this.catalogSize = products;
      return this;
    }

    /**
     * Seeds the sample data (the catalog, its artisans) and the catalog faults' shuffles, for
     * reproducible runs. The ids of what a test creates (payments, events...) are random, and
     * differ between two sandboxes even with the same seed.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The quota per API key: {@code requests} per {@code window}; past it, {@code 429}. */
    public Builder rateLimit(int requests, Duration window) {
      if (requests < 1) {
        throw new ValidationException("rateLimit.requests", "must be positive but was " + requests);
      }
      if (window.isNegative() || window.isZero()) {
        throw new ValidationException("rateLimit.window", "must be positive but was " + window);
      }
      this.rateLimit = requests;
      this.rateWindow = window;
      return this;
    }

    /**
     * The clock the sandbox starts from (it then follows it, plus any advance). A fixed clock
     * ({@code Clock.fixed(instant, ZoneOffset.UTC)}) makes time move only by {@link
     * SandboxClock#advance}: tests that do not depend on the hour.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * SandboxChecks every response against the contract too, answering {@code 500
     * sandbox_contract_violation} if the sandbox itself breaks it (default on).
     */
    public Builder strictResponses(boolean strict) {
      this.strictResponses = strict;
      return this;
    }

    /**
     * How long the change feed keeps a change (default 7 days, on the sandbox clock): a cursor from
     * before a dropped change answers {@code 410 cursor_expired}.
     */
    public Builder feedRetention(Duration retention) {
      Objects.requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new ValidationException("feedRetention", "must be positive but was " + retention);
      }
      this.feedRetention = retention;
      return this;
    }

    /**
     * How many requests {@link Sandbox#requests()} keeps (default 1,000; the oldest go first); 0
     * switches the journal off.
     */
    public Builder journalSize(int requests) {
      if (requests < 0 || requests > 1_000_000) {
        throw new ValidationException(
            "journalSize", "must be between 0 and 1000000 but was " + requests);
      }
      this.journalSize = requests;
      return this;
    }

    /** Starts the sandbox on 127.0.0.1. */
    public Sandbox start() {
      return new Sandbox(this);
    }
  }
}
