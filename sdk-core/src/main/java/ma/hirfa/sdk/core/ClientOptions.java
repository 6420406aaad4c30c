package ma.hirfa.sdk.core;

import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.internal.Validate;
import ma.hirfa.sdk.core.internal.http.SdkInfo;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * The immutable settings of a Hirfa client: credentials, endpoint, timeouts, retries, transport and
 * the injectable clock, sleeper and id generator. Every client ({@code PaymentsClient}, {@code
 * CatalogClient}) is built from one.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .apiKey(System.getenv("HIRFA_API_KEY"))
 *     .appInfo(AppInfo.of("atlas-bank-payments", "4.2.0"))
 *     .readTimeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * <h2>Defaults and units</h2>
 *
 * Every time value is a {@link Duration}: connect 10 s, read 30 s, write 30 s, and a whole-call
 * deadline of 60 s that covers every attempt and every back-off. The connection pool keeps 16 idle
 * connections for 5 minutes; at most 64 requests run at once. Response bodies above 32 MiB are
 * refused (streaming endpoints are not limited).
 *
 * <h2>Transport</h2>
 *
 * Banks bring their own network settings with JDK types only: {@link Builder#proxy(Proxy)}, {@link
 * Builder#tls(SSLSocketFactory, X509TrustManager)} (a custom trust store, or a key manager for
 * mutual TLS) and {@link Builder#hostnameVerifier(HostnameVerifier)}. Retries, logging and
 * redaction apply to every call whatever the transport.
 *
 * <h2>Variants</h2>
 *
 * {@link #newBuilder()} starts from these settings. A client's own {@code newBuilder()} does the
 * same and also shares the original client's connection pool and dispatcher threads.
 */
public final class ClientOptions {
  /** The production endpoint of both Hirfa APIs. */
  public static final String DEFAULT_BASE_URL = "https://api.hirfa.ma/";

  // Related settings travel in groups (Timeouts, Hooks, Network, Limits): immutable values, each
  // held once here and once by the builder, that validate and print themselves.
  private final String apiKey;
  private final URI baseUrl;
  private final Timeouts timeouts;
  private final String apiVersion;
  private final @Nullable AppInfo appInfo;
  private final Hooks hooks;
  private final RetryPolicy retryPolicy;
  private final CircuitBreakerPolicy circuitBreakerPolicy;
  private final Network network;
  private final Limits limits;
  private final String userAgent;

  private ClientOptions(Builder b, String apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = b.baseUrl;
    this.timeouts = b.timeouts;
    this.apiVersion = b.apiVersion;
    this.appInfo = b.appInfo;
    this.hooks = b.hooks;
    this.retryPolicy = b.retryPolicy;
    this.circuitBreakerPolicy = b.circuitBreakerPolicy;
    this.network = b.network;
    this.limits = b.limits;
    this.userAgent = SdkInfo.userAgent() + (appInfo == null ? "" : " " + appInfo.userAgentToken());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these settings. To derive a client that shares this one's connection pool,
   * use the client's own {@code newBuilder()}.
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The API key sent as {@code Authorization: Bearer}. Never logged or printed. */
  public String apiKey() {
    return apiKey;
  }

  /** True for {@code sk_test_} keys (the sandbox), false for {@code sk_live_} keys. */
  public boolean testMode() {
    return apiKey.startsWith("sk_test_");
  }

  /** The API root, always ending in {@code /}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public Duration connectTimeout() {
    return timeouts.connect();
  }

  public Duration readTimeout() {
    return timeouts.read();
  }

  public Duration writeTimeout() {
    return timeouts.write();
  }

  /** The deadline of a whole call, across every attempt and back-off. */
  public Duration callTimeout() {
    return timeouts.call();
  }

  /**
   * The value of the {@code Hirfa-Version} header: the API version this SDK release is pinned to.
   */
  public String apiVersion() {
    return apiVersion;
  }

  public @Nullable AppInfo appInfo() {
    return appInfo;
  }

  /** The {@code User-Agent}: SDK, Java and OS versions, then the {@link AppInfo}, if any. */
  public String userAgent() {
    return userAgent;
  }

  public Clock clock() {
    return hooks.clock();
  }

  public Sleeper sleeper() {
    return hooks.sleeper();
  }

  public IdGenerator idGenerator() {
    return hooks.idGenerator();
  }

  /** The source of back-off jitter. */
  public RandomGenerator random() {
    return hooks.random();
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public CircuitBreakerPolicy circuitBreakerPolicy() {
    return circuitBreakerPolicy;
  }

  public List<CallListener> listeners() {
    return hooks.listeners();
  }

  public @Nullable Proxy proxy() {
    return network.proxy();
  }

  public @Nullable SSLSocketFactory sslSocketFactory() {
    return network.sslSocketFactory();
  }

  public @Nullable X509TrustManager trustManager() {
    return network.trustManager();
  }

  public @Nullable HostnameVerifier hostnameVerifier() {
    return network.hostnameVerifier();
  }

  public int maxIdleConnections() {
    return limits.maxIdleConnections();
  }

  public Duration keepAlive() {
    return limits.keepAlive();
  }

  public int maxConcurrentRequests() {
    return limits.maxConcurrentRequests();
  }

  /** The largest response body the SDK reads into memory. */
  public long maxResponseBytes() {
    return limits.maxResponseBytes();
  }

  @Override
  public String toString() {
    return "ClientOptions{"
        + String.join(
            ", ",
            "apiKey=" + Redactor.maskSecret(apiKey),
            "baseUrl=" + baseUrl,
            timeouts.toString(),
            "apiVersion=" + apiVersion,
            "userAgent=" + userAgent,
            "retryPolicy=" + retryPolicy,
            "circuitBreakerPolicy=" + circuitBreakerPolicy,
            network.toString(),
            limits.toString())
        + '}';
  }

  /**
   * Builds {@link ClientOptions}. Each setter validates its own value and fails with a {@link
   * ValidationException} naming the field, leaving the builder as it was; {@link #build()} checks
   * the whole.
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private Timeouts timeouts = Timeouts.DEFAULTS;
    private String apiVersion = SdkInfo.apiVersion();
    private @Nullable AppInfo appInfo;
    private Hooks hooks = Hooks.DEFAULTS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.defaults();
    private Network network = Network.DEFAULTS;
    private Limits limits = Limits.DEFAULTS;

    private Builder() {}

    private Builder(ClientOptions o) {
      this.apiKey = o.apiKey;
      this.baseUrl = o.baseUrl;
      this.timeouts = o.timeouts;
      this.apiVersion = o.apiVersion;
      this.appInfo = o.appInfo;
      this.hooks = o.hooks;
      this.retryPolicy = o.retryPolicy;
      this.circuitBreakerPolicy = o.circuitBreakerPolicy;
      this.network = o.network;
      this.limits = o.limits;
    }

    /**
     * Required. A {@code sk_test_...} or {@code sk_live_...} key; never logged. A key with
     * whitespace (a trailing newline read from a file, say) is refused with a hint to remove it,
     * never echoed.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = ApiKeys.validate("apiKey", apiKey);
      return this;
    }

    /**
     * The API root; default {@value #DEFAULT_BASE_URL}. Must be {@code https}, except on the
     * loopback interface ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) where the sandbox
     * runs over plain {@code http}. No query, fragment or user info, and no trailing {@code /v1}:
     * the SDK adds {@code /v1/...} to every call, so {@code https://api.hirfa.ma/v1} is refused
     * with a hint to drop it.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = BaseUrls.validate(baseUrl);
      return this;
    }

    /** Positive; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      timeouts = timeouts.withConnect(timeout);
      return this;
    }

    /** Positive; the longest silence while reading a response; default 30 s. */
    public Builder readTimeout(Duration timeout) {
      timeouts = timeouts.withRead(timeout);
      return this;
    }

    /** Positive; the longest stall while sending a request; default 30 s. */
    public Builder writeTimeout(Duration timeout) {
      timeouts = timeouts.withWrite(timeout);
      return this;
    }

    /**
     * Positive; the deadline of a whole call, every attempt and back-off included; default 60 s.
     */
    public Builder callTimeout(Duration timeout) {
      timeouts = timeouts.withCall(timeout);
      return this;
    }

    /**
     * Overrides the pinned {@code Hirfa-Version} (an ISO date like {@code 2026-11-01}). Only for
     * testing an upgrade: the models of this release are written for the pinned version.
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = ApiVersions.validate(apiVersion);
      return this;
    }

    /** Names the application in the {@code User-Agent}. */
    public Builder appInfo(AppInfo appInfo) {
      this.appInfo = Objects.requireNonNull(appInfo, "appInfo == null");
      return this;
    }

    /** The clock for deadlines, {@code Retry-After} dates and the circuit breaker. */
    public Builder clock(Clock clock) {
      hooks = hooks.withClock(clock);
      return this;
    }

    /** Waits between attempts; replace it in tests to record back-off without waiting. */
    public Builder sleeper(Sleeper sleeper) {
      hooks = hooks.withSleeper(sleeper);
      return this;
    }

    /** Mints idempotency keys and invocation ids; default random UUIDs. */
    public Builder idGenerator(IdGenerator idGenerator) {
      hooks = hooks.withIdGenerator(idGenerator);
      return this;
    }

    /** The source of back-off jitter; must be safe for use from several threads. */
    public Builder random(RandomGenerator random) {
      hooks = hooks.withRandom(random);
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    public Builder circuitBreakerPolicy(CircuitBreakerPolicy policy) {
      this.circuitBreakerPolicy = Objects.requireNonNull(policy, "circuitBreakerPolicy == null");
      return this;
    }

    /** Adds a listener for metrics or tracing; listeners are called in the order added. */
    public Builder addListener(CallListener listener) {
      hooks = hooks.withListener(listener);
      return this;
    }

    /** Sends every call through this proxy. */
    public Builder proxy(Proxy proxy) {
      network = network.withProxy(proxy);
      return this;
    }

    /**
     * Uses this TLS configuration: a socket factory from an {@code SSLContext} initialised with the
     * bank's key managers (mutual TLS) and trust managers, and the trust manager it uses.
     */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      network = network.withTls(sslSocketFactory, trustManager);
      return this;
    }

    public Builder hostnameVerifier(HostnameVerifier hostnameVerifier) {
      network = network.withHostnameVerifier(hostnameVerifier);
      return this;
    }

    /**
     * Sizes the connection pool: idle connections kept (0 to 1,000, default 16) and for how long
     * (default 5 minutes). Size it to the expected concurrency.
     */
    public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
      limits = limits.withConnectionPool(maxIdleConnections, keepAlive);
      return this;
    }

    /** The most requests in flight at once, 1 to 10,000; default 64. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      limits = limits.withMaxConcurrentRequests(maxConcurrentRequests);
      return this;
    }

    /** The largest response body read into memory, 1 KiB to 1 GiB; default 32 MiB. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      limits = limits.withMaxResponseBytes(maxResponseBytes);
      return this;
    }

    /**
     * Validates the whole and builds. Fails with a {@link ValidationException} naming the field.
     */
    public ClientOptions build() {
      String key = ApiKeys.validate("apiKey", apiKey);
      timeouts.checkWhole();
      if (key.startsWith("sk_live_") && Validate.isLoopback(baseUrl.getHost())) {
        throw new ValidationException(
            "apiKey", "a live key must not be sent to a loopback sandbox; use an sk_test_ key");
      }
      network.checkWhole(key.startsWith("sk_live_"));
      return new ClientOptions(this, key);
    }
  }
}
