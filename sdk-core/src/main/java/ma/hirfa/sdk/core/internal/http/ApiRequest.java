package ma.hirfa.sdk.core.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.RequestOptions;
import org.jspecify.annotations.Nullable;

/**
 * One logical API call as a service describes it: method, path segments (encoded by the runtime),
 * query, extra headers, an optional JSON body and the caller's {@link RequestOptions}. Every
 * request is built from a contract {@link Operation} ({@link Operation#request}), so every event,
 * log line and metric names its operation and path template.
 */
public final class ApiRequest {
  private final Operation operation;
  private final String method;
  private final List<String> segments;
  private final String path;
  private final List<String[]> query;
  private final Map<String, String> headers;
  private final @Nullable Object body;
  private final RequestOptions options;
  private final boolean idempotencyKey;

  private ApiRequest(Builder b) {
    this.operation = b.operation;
    this.method = b.operation.method();
    this.segments = List.copyOf(b.segments);
    this.path = "/" + String.join("/", segments); // read by every call's diagnostics
    this.query = List.copyOf(b.query);
    this.headers = Map.copyOf(b.headers);
    this.body = b.body;
    this.options = b.options;
    this.idempotencyKey = b.idempotencyKey;
  }

  public String method() {
    return method;
  }

  /** The contract operation this request calls. */
  public Operation operation() {
    return operation;
  }

  public List<String> segments() {
    return segments;
  }

  /** The unencoded path for logs and diagnostics, like {@code /v1/payments/pay_123}. */
  public String path() {
    return path;
  }

  public List<String[]> query() {
    return query;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public @Nullable Object body() {
    return body;
  }

  public RequestOptions options() {
    return options;
  }

  /**
   * True when this call should carry an idempotency key: every write (POST, PUT, PATCH, DELETE)
   * unless opted out, and any call whose caller supplied one. The key is what makes a write safe to
   * repeat after an attempt that may have been applied: the API answers the repeat with the first
   * answer instead of applying it again (a conditional PUT would otherwise meet its own write as a
   * version conflict, and a relative change would be applied twice).
   */
  public boolean wantsIdempotencyKey() {
    return options.idempotencyKey() != null || (idempotencyKey && !method.equals("GET"));
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final Operation operation;
    private final List<String> segments = new ArrayList<>();
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Object body;
    private RequestOptions options = RequestOptions.none();
    private boolean idempotencyKey = true;

    Builder(Operation operation, List<String> segments) {
      this.operation = operation;
      this.segments.addAll(segments);
    }

    /** Adds a query parameter unless {@code value} is null. */
    public Builder query(String name, @Nullable Object value) {
      if (value != null) {
        query.add(new String[] {name, String.valueOf(value)});
      }
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder body(Object body) {
      this.body = Objects.requireNonNull(body, "body == null");
      return this;
    }

    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Sends this write without an idempotency key. The runtime then never retries it after the
     * request may have been sent: reserved for calls whose repetition is harmless or impossible.
     */
    public Builder withoutIdempotencyKey() {
      this.idempotencyKey = false;
      return this;
    }

    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
