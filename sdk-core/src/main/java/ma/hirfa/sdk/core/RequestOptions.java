package ma.hirfa.sdk.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.internal.log.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * Overrides for one call: its deadline, attempts, idempotency key, extra headers or API key. Every
 * service method has an overload taking {@code RequestOptions}; the other overload uses {@link
 * #none()}.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .idempotencyKey("order-2026-000123-payment")
 *     .timeout(Duration.ofSeconds(20))
 *     .build();
 * Payment payment = client.payments().create(params, options);
 * }</pre>
 *
 * <p>Supplying your own idempotency key lets you retry a call across process restarts: store the
 * key with the order before calling, and reuse it after a crash.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "idempotency-key",
          "hirfa-version",
          "hirfa-attempt",
          "hirfa-invocation-id",
          "user-agent",
          "content-length",
          "host");

  private final @Nullable Duration timeout;
  private final int maxAttempts;
  private final @Nullable String idempotencyKey;
  private final Map<String, String> headers;
  private final @Nullable String apiKey;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.idempotencyKey = b.idempotencyKey;
    this.headers = Map.copyOf(b.headers);
    this.apiKey = b.apiKey;
  }

  /** No overrides: the client's settings apply. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The call's overall deadline across all attempts, or null for the client's {@code callTimeout}.
   */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /**
   * The attempts allowed for this call, or 0 for the client's {@link RetryPolicy#maxAttempts()}.
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The caller's idempotency key, or null to let the SDK mint one for each POST. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /** Extra headers sent on every attempt of this call. */
  public Map<String, String> headers() {
    return headers;
  }

  /** An API key used for this call instead of the client's, or null. */
  public @Nullable String apiKey() {
    return apiKey;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout="
        + timeout
        + ", maxAttempts="
        + maxAttempts
        + ", idempotencyKey="
        + idempotencyKey
        + ", headers="
        + headers.keySet()
        + ", apiKey="
        + (apiKey == null ? "null" : Redactor.maskSecret(apiKey))
        + '}';
  }

  /** Builds {@link RequestOptions}; each setter validates its value and names it when refused. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private int maxAttempts;
    private @Nullable String idempotencyKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String apiKey;

    private Builder() {}

    private Builder(RequestOptions o) {
      this.timeout = o.timeout;
      this.maxAttempts = o.maxAttempts;
      this.idempotencyKey = o.idempotencyKey;
      this.headers.putAll(o.headers);
      this.apiKey = o.apiKey;
    }

    /** The overall deadline for this call, all attempts and back-off included. */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive("requestOptions.timeout", timeout);
      return this;
    }

    /** Attempts for this call, 1 to 10; 1 disables retries. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new ValidationException(
            "requestOptions.maxAttempts", "must be between 1 and 10 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** 1 to 255 printable ASCII characters, unique per logical operation. */
    public Builder idempotencyKey(String idempotencyKey) {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
      if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
        throw new ValidationException(
            "requestOptions.idempotencyKey",
            "must be 1 to 255 printable ASCII characters without spaces");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Adds a header. The SDK's own headers ({@code Authorization}, {@code Idempotency-Key}, {@code
     * Hirfa-Version}, {@code User-Agent}, ...) cannot be overridden this way.
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name == null");
      Objects.requireNonNull(value, "header value == null");
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new ValidationException("requestOptions.headers", "invalid header name: " + name);
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new ValidationException(
            "requestOptions.headers", name + " is set by the SDK; use the dedicated option");
      }
      if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
        throw new ValidationException(
            "requestOptions.headers", "value of " + name + " contains control characters");
      }
      headers.put(name, value);
      return this;
    }

    /** Uses this API key for the call instead of the client's. */
    public Builder apiKey(String apiKey) {
      this.apiKey = ApiKeys.validate("requestOptions.apiKey", apiKey);
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
