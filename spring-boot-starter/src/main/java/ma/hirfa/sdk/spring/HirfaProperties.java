package ma.hirfa.sdk.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code hirfa.*} properties. Every value is checked when the application starts: a wrong one
 * fails start-up with the property named.
 *
 * <pre>
 * hirfa.api-key=${HIRFA_API_KEY}
 * hirfa.read-timeout=20s
 * hirfa.retry.max-attempts=4
 * hirfa.webhooks.secrets[0]=${HIRFA_WEBHOOK_SECRET}
 * </pre>
 */
@ConfigurationProperties(prefix = "hirfa")
public class HirfaProperties {
  /** The API key, sk_test_... or sk_live_...; required. Never logged. */
  private @Nullable String apiKey;

  /** The API root; default https://api.hirfa.ma/. */
  private @Nullable String baseUrl;

  /** The longest wait for a connection; default 10s. */
  private @Nullable Duration connectTimeout;

  /** The longest silence while reading a response; default 30s. */
  private @Nullable Duration readTimeout;

  /** The longest stall while sending a request; default 30s. */
  private @Nullable Duration writeTimeout;

  /** The deadline of a whole call, every attempt and back-off included; default 60s. */
  private @Nullable Duration callTimeout;

  private final Retry retry = new Retry();
  private final CircuitBreaker circuitBreaker = new CircuitBreaker();
  private final Client payments = new Client();
  private final Client catalog = new Client();
  private final Webhooks webhooks = new Webhooks();
  private final Health health = new Health();

  /** Retries of failed attempts (see docs/reliability.md). */
  public static class Retry {
    /** Attempts per call, the first included, 1 to 10; default 3. */
    private @Nullable Integer maxAttempts;

    /** The first back-off; default 500ms. */
    private @Nullable Duration initialBackoff;

    /** The longest back-off; default 8s. */
    private @Nullable Duration maxBackoff;

    /** The longest Retry-After honoured; default 30s. */
    private @Nullable Duration maxRetryAfter;

    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public @Nullable Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(@Nullable Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public @Nullable Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(@Nullable Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public @Nullable Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }
  }

  /** The circuit breaker (see CircuitBreakerPolicy). */
  public static class CircuitBreaker {
    /** Whether the clients have a circuit breaker; default true. */
    private boolean enabled = true;

    /** The failure rate, in percent of the window's calls, that opens it; default 50. */
    private @Nullable Integer failureRatePercent;

    /** The calls the rate is computed over; default 20. */
    private @Nullable Integer windowSize;

    /** The calls seen before the rate is judged; default 5. */
    private @Nullable Integer minimumCalls;

    /** How long it stays open; default 30s. */
    private @Nullable Duration openDuration;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable Integer getFailureRatePercent() {
      return failureRatePercent;
    }

    public void setFailureRatePercent(@Nullable Integer failureRatePercent) {
      this.failureRatePercent = failureRatePercent;
    }

    public @Nullable Integer getWindowSize() {
      return windowSize;
    }

    public void setWindowSize(@Nullable Integer windowSize) {
      this.windowSize = windowSize;
    }

    public @Nullable Integer getMinimumCalls() {
      return minimumCalls;
    }

    public void setMinimumCalls(@Nullable Integer minimumCalls) {
      this.minimumCalls = minimumCalls;
    }

    public @Nullable Duration getOpenDuration() {
      return openDuration;
    }

    public void setOpenDuration(@Nullable Duration openDuration) {
      this.openDuration = openDuration;
    }
  }

  /** One client's settings, overriding the shared ones above. */
  public static class Client {
    /**
     * Whether this client's bean is created (when its module is on the class path); default true.
     */
    private boolean enabled = true;

    /** This client's API key, if it differs from hirfa.api-key. */
    private @Nullable String apiKey;

    /** This client's API root, if it differs from hirfa.base-url. */
    private @Nullable String baseUrl;

    /** This client's read timeout, if it differs from hirfa.read-timeout. */
    private @Nullable Duration readTimeout;

    /** This client's call deadline, if it differs from hirfa.call-timeout. */
    private @Nullable Duration callTimeout;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable String getApiKey() {
      return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    public @Nullable String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public @Nullable Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(@Nullable Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    public @Nullable Duration getCallTimeout() {
      return callTimeout;
    }

    public void setCallTimeout(@Nullable Duration callTimeout) {
      this.callTimeout = callTimeout;
    }
  }

  /** The webhook endpoint, created when at least one secret or a public key is set. */
  public static class Webhooks {
    /** The path the endpoint answers on; default /hirfa/webhooks. */
    private String path = "/hirfa/webhooks";

    /** The whsec_ secrets deliveries may be signed with: two during a rotation. */
    private List<String> secrets = new ArrayList<>();

    /** The whpk_ public key of v1a (Ed25519) signatures, if the platform uses them. */
    private @Nullable String publicKey;

    /** The largest body read before verifying; larger deliveries are answered 413; default 1MB. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** How far a delivery's timestamp may be from the clock; default 5m. */
    private Duration tolerance = Duration.ofMinutes(5);

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public List<String> getSecrets() {
      return secrets;
    }

    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    public @Nullable String getPublicKey() {
      return publicKey;
    }

    public void setPublicKey(@Nullable String publicKey) {
      this.publicKey = publicKey;
    }

    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    public Duration getTolerance() {
      return tolerance;
    }

    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }
  }

  /** The health contributor (Spring Boot 4 actuator). */
  public static class Health {
    /**
     * Whether an open circuit breaker makes the contributor DOWN; default false (UP, with the
     * breaker's state in the details), so that an outage of the platform does not take the
     * application out of its load balancer.
     */
    private boolean downWhenCircuitOpen;

    public boolean isDownWhenCircuitOpen() {
      return downWhenCircuitOpen;
    }

    public void setDownWhenCircuitOpen(boolean downWhenCircuitOpen) {
      this.downWhenCircuitOpen = downWhenCircuitOpen;
    }
  }

  public @Nullable String getApiKey() {
    return apiKey;
  }

  public void setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(@Nullable Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public @Nullable Duration getWriteTimeout() {
    return writeTimeout;
  }

  public void setWriteTimeout(@Nullable Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  public @Nullable Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public Retry getRetry() {
    return retry;
  }

  public CircuitBreaker getCircuitBreaker() {
    return circuitBreaker;
  }

  public Client getPayments() {
    return payments;
  }

  public Client getCatalog() {
    return catalog;
  }

  public Webhooks getWebhooks() {
    return webhooks;
  }

  public Health getHealth() {
    return health;
  }

  @Override
  public String toString() {
    return "HirfaProperties{apiKey=****, baseUrl=" + baseUrl + "}";
  }
}
