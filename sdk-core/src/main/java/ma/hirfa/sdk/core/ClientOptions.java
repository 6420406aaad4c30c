package ma.hirfa.sdk.core;

import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.internal.Validate;
import ma.hirfa.sdk.core.internal.http.SdkInfo;
import ma.hirfa.sdk.core.internal.http.TlsProbe;
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

  private final String apiKey;
  private final URI baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final String apiVersion;
  private final @Nullable AppInfo appInfo;
  private final Clock clock;
  private final Sleeper sleeper;
  private final IdGenerator idGenerator;
  private final RandomGenerator random;
  private final RetryPolicy retryPolicy;
  private final CircuitBreakerPolicy circuitBreakerPolicy;
  private final List<CallListener> listeners;
  private final @Nullable Proxy proxy;
  private final @Nullable SSLSocketFactory sslSocketFactory;
  private final @Nullable X509TrustManager trustManager;
  private final @Nullable HostnameVerifier hostnameVerifier;
  private final int maxIdleConnections;
  private final Duration keepAlive;
  private final int maxConcurrentRequests;
  private final long maxResponseBytes;
  private final String userAgent;

  private ClientOptions(Builder b, String apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.apiVersion = b.apiVersion;
    this.appInfo = b.appInfo;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.idGenerator = b.idGenerator;
    this.random = b.random;
    this.retryPolicy = b.retryPolicy;
    this.circuitBreakerPolicy = b.circuitBreakerPolicy;
    this.listeners = List.copyOf(b.listeners);
    this.proxy = b.proxy;
    this.sslSocketFactory = b.sslSocketFactory;
    this.trustManager = b.trustManager;
    this.hostnameVerifier = b.hostnameVerifier;
    this.maxIdleConnections = b.maxIdleConnections;
    this.keepAlive = b.keepAlive;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.maxResponseBytes = b.maxResponseBytes;
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
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The deadline of a whole call, across every attempt and back-off. */
  public Duration callTimeout() {
    return callTimeout;
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
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public IdGenerator idGenerator() {
    return idGenerator;
  }

  /** The source of back-off jitter. */
  public RandomGenerator random() {
    return random;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public CircuitBreakerPolicy circuitBreakerPolicy() {
    return circuitBreakerPolicy;
  }

  public List<CallListener> listeners() {
    return listeners;
  }

  public @Nullable Proxy proxy() {
    return proxy;
  }

  public @Nullable SSLSocketFactory sslSocketFactory() {
    return sslSocketFactory;
  }

  public @Nullable X509TrustManager trustManager() {
    return trustManager;
  }

  public @Nullable HostnameVerifier hostnameVerifier() {
    return hostnameVerifier;
  }

  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  public Duration keepAlive() {
    return keepAlive;
  }

  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** The largest response body the SDK reads into memory. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  @Override
  public String toString() {
    return "ClientOptions{apiKey="
        + Redactor.maskSecret(apiKey)
        + ", baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + ", callTimeout="
        + callTimeout
        + ", apiVersion="
        + apiVersion
        + ", userAgent="
        + userAgent
        + ", retryPolicy="
        + retryPolicy
        + ", circuitBreakerPolicy="
        + circuitBreakerPolicy
        + ", proxy="
        + (proxy == null ? "none" : proxy.type())
        + ", customTls="
        + (sslSocketFactory != null)
        + ", maxIdleConnections="
        + maxIdleConnections
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + '}';
  }

  /**
   * Builds {@link ClientOptions}. Each setter validates its own value and fails with a {@link
   * ValidationException} naming the field; {@link #build()} checks the whole.
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String apiVersion = SdkInfo.apiVersion();
    private @Nullable AppInfo appInfo;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private IdGenerator idGenerator = IdGenerator.RANDOM_UUID;
    private RandomGenerator random = ThreadLocalJitter.INSTANCE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.defaults();
    private final List<CallListener> listeners = new ArrayList<>();
    private @Nullable Proxy proxy;
    private @Nullable SSLSocketFactory sslSocketFactory;
    private @Nullable X509TrustManager trustManager;
    private @Nullable HostnameVerifier hostnameVerifier;
    private int maxIdleConnections = 16;
    private Duration keepAlive = Duration.ofMinutes(5);
    private int maxConcurrentRequests = 64;
    private long maxResponseBytes = 32L * 1024 * 1024;

    private Builder() {}

    private Builder(ClientOptions o) {
      this.apiKey = o.apiKey;
      this.baseUrl = o.baseUrl;
      this.connectTimeout = o.connectTimeout;
      this.readTimeout = o.readTimeout;
      this.writeTimeout = o.writeTimeout;
      this.callTimeout = o.callTimeout;
      this.apiVersion = o.apiVersion;
      this.appInfo = o.appInfo;
      this.clock = o.clock;
      this.sleeper = o.sleeper;
      this.idGenerator = o.idGenerator;
      this.random = o.random;
      this.retryPolicy = o.retryPolicy;
      this.circuitBreakerPolicy = o.circuitBreakerPolicy;
      this.listeners.addAll(o.listeners);
      this.proxy = o.proxy;
      this.sslSocketFactory = o.sslSocketFactory;
      this.trustManager = o.trustManager;
      this.hostnameVerifier = o.hostnameVerifier;
      this.maxIdleConnections = o.maxIdleConnections;
      this.keepAlive = o.keepAlive;
      this.maxConcurrentRequests = o.maxConcurrentRequests;
      this.maxResponseBytes = o.maxResponseBytes;
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
      this.connectTimeout = Durations.positive("connectTimeout", timeout);
      return this;
    }

    /** Positive; the longest silence while reading a response; default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.positive("readTimeout", timeout);
      return this;
    }

    /** Positive; the longest stall while sending a request; default 30 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Durations.positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Positive; the deadline of a whole call, every attempt and back-off included; default 60 s.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.positive("callTimeout", timeout);
      return this;
    }

    /**
     * Overrides the pinned {@code Hirfa-Version} (an ISO date like {@code 2026-11-01}). Only for
     * testing an upgrade: the models of this release are written for the pinned version.
     */
    public Builder apiVersion(String apiVersion) {
      Objects.requireNonNull(apiVersion, "apiVersion == null");
      try {
        LocalDate.parse(apiVersion);
      } catch (DateTimeParseException e) {
        throw new ValidationException(
            "apiVersion", "must be an ISO date like 2026-11-01 but was " + apiVersion);
      }
      this.apiVersion = apiVersion;
      return this;
    }

    /** Names the application in the {@code User-Agent}. */
    public Builder appInfo(AppInfo appInfo) {
      this.appInfo = Objects.requireNonNull(appInfo, "appInfo == null");
      return this;
    }

    /** The clock for deadlines, {@code Retry-After} dates and the circuit breaker. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Waits between attempts; replace it in tests to record back-off without waiting. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Mints idempotency keys and invocation ids; default random UUIDs. */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator == null");
      return this;
    }

    /** The source of back-off jitter; must be safe for use from several threads. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
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
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /** Sends every call through this proxy. */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Uses this TLS configuration: a socket factory from an {@code SSLContext} initialised with the
     * bank's key managers (mutual TLS) and trust managers, and the trust manager it uses.
     */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory == null");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager == null");
      return this;
    }

    public Builder hostnameVerifier(HostnameVerifier hostnameVerifier) {
      this.hostnameVerifier = Objects.requireNonNull(hostnameVerifier, "hostnameVerifier == null");
      return this;
    }

    /**
     * Sizes the connection pool: idle connections kept (0 to 1,000, default 16) and for how long
     * (default 5 minutes). Size it to the expected concurrency.
     */
    public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
      if (maxIdleConnections < 0 || maxIdleConnections > 1_000) {
        throw new ValidationException(
            "maxIdleConnections", "must be between 0 and 1000 but was " + maxIdleConnections);
      }
      this.maxIdleConnections = maxIdleConnections;
      this.keepAlive = Durations.positive("keepAlive", keepAlive);
      return this;
    }

    /** The most requests in flight at once, 1 to 10,000; default 64. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 10_000) {
        throw new ValidationException(
            "maxConcurrentRequests",
            "must be between 1 and 10000 but was " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** The largest response body read into memory, 1 KiB to 1 GiB; default 32 MiB. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024 || maxResponseBytes > (1L << 30)) {
        throw new ValidationException(
            "maxResponseBytes", "must be between 1024 and 1073741824 but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Validates the whole and builds. Fails with a {@link ValidationException} naming the field.
     */
    public ClientOptions build() {
      String key = ApiKeys.validate("apiKey", apiKey);
      if (callTimeout.compareTo(connectTimeout) < 0) {
        throw new ValidationException(
            "callTimeout",
            "must be at least connectTimeout (" + connectTimeout + ") but was " + callTimeout);
      }
      if (key.startsWith("sk_live_") && BaseUrls.isLoopback(baseUrl.getHost())) {
        throw new ValidationException(
            "apiKey", "a live key must not be sent to a loopback sandbox; use an sk_test_ key");
      }
      TlsProbe.check(trustManager, hostnameVerifier, key.startsWith("sk_live_"));
      return new ClientOptions(this, key);
    }
  }

  /** Parsing and validation of base URLs. */
  static final class BaseUrls {
    private BaseUrls() {}

    static URI validate(@Nullable String value) {
      if (value == null || value.isBlank()) {
        throw new ValidationException("baseUrl", "must not be empty");
      }
      URI uri;
      try {
        uri = new URI(value.trim());
      } catch (URISyntaxException e) {
        throw new ValidationException("baseUrl", "is not a valid URL: " + e.getReason());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new ValidationException(
            "baseUrl", "must be an absolute https URL but was " + Redactor.quote(value));
      }
      if (scheme.equals("http") && !isLoopback(host)) {
        throw new ValidationException(
            "baseUrl",
            "must use https; plain http is only allowed on loopback (localhost, 127.0.0.1, [::1])"
                + " but the host was "
                + host);
      }
      if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new ValidationException("baseUrl", "must not have a query, fragment or user info");
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (!path.endsWith("/")) {
        path = path + "/";
      }
      if (path.toLowerCase(Locale.ROOT).endsWith("/v1/")) {
        // Every call adds /v1/...: a root ending in /v1 would call /v1/v1/...
        String root = path.substring(0, path.length() - "v1/".length());
        throw new ValidationException(
            "baseUrl",
            "must be the API's root without /v1, which the SDK adds to every call: use "
                + scheme
                + "://"
                + uri.getRawAuthority()
                + root);
      }
      try {
        return new URI(scheme, null, host, uri.getPort(), path, null, null);
      } catch (URISyntaxException e) {
        throw new ValidationException("baseUrl", "is not a valid URL: " + e.getReason());
      }
    }

    static boolean isLoopback(String host) {
      return Validate.isLoopback(host);
    }
  }

  /** Jitter from the calling thread's {@link ThreadLocalRandom}; safe from every thread. */
  private enum ThreadLocalJitter implements RandomGenerator {
    INSTANCE;

    @Override
    public long nextLong() {
      return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public double nextDouble() {
      return ThreadLocalRandom.current().nextDouble();
    }
  }
}
