package ma.hirfa.sdk.core.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The engine one client stands on: the configured OkHttp client, the JSON codec and the resilience
 * state, and the entry points that run an {@link ApiRequest} through the retry pipeline. Immutable
 * and thread-safe.
 *
 * <p>Derived runtimes ({@link #derive}) share the connection pool and dispatcher threads, and the
 * circuit breaker and retry budget as long as the policies are unchanged. Only the runtime that
 * created the pool shuts it down in {@link #close()}.
 */
public final class ClientRuntime implements AutoCloseable {
  final ClientOptions options;
  final OkHttpClient http;
  final HttpUrl baseUrl;
  final Json json;
  final Resilience resilience;
  private final boolean ownsPool;

  private ClientRuntime(
      ClientOptions options,
      OkHttpClient http,
      Json json,
      Resilience resilience,
      boolean ownsPool) {
    this.options = options;
    this.http = http;
    this.baseUrl = Objects.requireNonNull(HttpUrl.parse(options.baseUrl().toString()));
    this.json = json;
    this.resilience = resilience;
    this.ownsPool = ownsPool;
  }

  /** A runtime with its own connection pool and dispatcher, for the API named {@code apiName}. */
  public static ClientRuntime create(ClientOptions options, String apiName) {
    return create(options, apiName, UnaryOperator.identity());
  }

  /**
   * As {@link #create(ClientOptions, String)}, with {@code transport} applied to the OkHttp builder
   * first: for benchmarks and tests that put an in-memory interceptor in front of the network, to
   * measure or exercise the pipeline alone. Not for production use.
   */
  public static ClientRuntime create(
      ClientOptions options, String apiName, UnaryOperator<OkHttpClient.Builder> transport) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(options.maxConcurrentRequests());
    // Every call goes to one host: the per-host limit must not be the bottleneck.
    dispatcher.setMaxRequestsPerHost(options.maxConcurrentRequests());
    OkHttpClient base =
        transport
            .apply(
                new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(
                        new ConnectionPool(
                            options.maxIdleConnections(),
                            options.keepAlive().toMillis(),
                            TimeUnit.MILLISECONDS)))
            .build();
    return new ClientRuntime(
        options, configure(base, options), new Json(), new Resilience(apiName, options), true);
  }

  /**
   * What a client's builder builds on: a new runtime, or, for a builder made by {@code
   * newBuilder()}, one derived from the {@code parent} client's runtime.
   */
  public static ClientRuntime createOrDerive(
      @Nullable ClientRuntime parent, ClientOptions options, String apiName) {
    return parent == null ? create(options, apiName) : parent.derive(options);
  }

  /** A runtime with other options that shares this one's pool, dispatcher and codec. */
  public ClientRuntime derive(ClientOptions newOptions) {
    Resilience r =
        resilience.compatibleWith(newOptions)
                && newOptions.clock().equals(options.clock())
                && newOptions.random().equals(options.random())
            ? resilience
            : new Resilience(resilience.apiName, newOptions);
    return new ClientRuntime(newOptions, configure(http, newOptions), json, r, false);
  }

  private static OkHttpClient configure(OkHttpClient base, ClientOptions o) {
    OkHttpClient.Builder b =
        base.newBuilder()
            .connectTimeout(o.connectTimeout())
            .readTimeout(o.readTimeout())
            .writeTimeout(o.writeTimeout())
            // The deadline is set on each attempt from the call's remaining time.
            .callTimeout(java.time.Duration.ZERO)
            // One retry mechanism only: OkHttp's silent retry would repeat an unkeyed POST on a
            // stale pooled connection, and would hide attempts from the logs and the budget.
            .retryOnConnectionFailure(false)
            // The API never redirects; following one could send the key elsewhere.
            .followRedirects(false)
            .followSslRedirects(false)
            .eventListenerFactory(AttemptTracker.FACTORY);
    if (o.proxy() != null) {
      b.proxy(o.proxy());
    }
    if (o.sslSocketFactory() != null && o.trustManager() != null) {
      b.sslSocketFactory(o.sslSocketFactory(), o.trustManager());
    }
    if (o.hostnameVerifier() != null) {
      b.hostnameVerifier(o.hostnameVerifier());
    }
    return b.build();
  }

  public ClientOptions options() {
    return options;
  }

  public Json json() {
    return json;
  }

  /** Runs the call through the retry pipeline and returns the successful response. */
  public ApiResponse execute(ApiRequest request) {
    return new CallRunner(this, request).runSync();
  }

  /**
   * Runs the call through the retry pipeline until a successful response arrives, and returns it
   * with its body unread: read {@link ApiResponse#source()} as it streams, then close it. Retries
   * cover the attempts up to the response headers; a failure while reading the body is the caller's
   * to handle.
   */
  public ApiResponse stream(ApiRequest request) {
    return new CallRunner(this, request, true).runSync();
  }

  /** Runs the call and decodes the body as {@code type}. */
  public <T> T execute(ApiRequest request, TypeRef<T> type) {
    return decode(execute(request), type);
  }

  /** The asynchronous form of {@link #execute(ApiRequest)}; cancelling cancels the HTTP call. */
  public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
    return new CallRunner(this, request).runAsync(Function.identity());
  }

  /** The asynchronous form of {@link #execute(ApiRequest, Type)}. */
  public <T> CompletableFuture<T> executeAsync(ApiRequest request, TypeRef<T> type) {
    return new CallRunner(this, request).runAsync(response -> decode(response, type));
  }

  /** Decodes a response body, turning every decoding failure into the SDK's typed exception. */
  public <T> T decode(ApiResponse response, TypeRef<T> type) {
    String contentType = response.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      // A proxy's or captive portal's HTML page answered instead of the API.
      throw new ResponseDecodingException(
          "expected JSON but the response's Content-Type was "
              + contentType
              + " (request_id="
              + response.requestId()
              + ")",
          null,
          null);
    }
    try {
      T value = json.decode(response.body(), type);
      if (value == null) {
        throw new ResponseDecodingException("the response body was JSON null", null, null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ResponseDecodingException r) {
        throw r;
      }
      throw new ResponseDecodingException(
          "could not decode the response as "
              + typeName(type)
              + ": "
              + e.getMessage()
              + " (request_id="
              + response.requestId()
              + ")",
          null,
          e);
    }
  }

  /** The circuit breaker's state, like {@code CLOSED}; {@code DISABLED} without a breaker. */
  public String circuitState() {
    return resilience.breaker == null ? "DISABLED" : resilience.breaker.getState().name();
  }

  /** Open connections in the pool (idle and in use), for leak checks. */
  public int connectionCount() {
    return http.connectionPool().connectionCount();
  }

  /** Retry tokens left in the budget. */
  public long retryTokens() {
    return resilience.budget.available();
  }

  /** Shuts the dispatcher down and closes idle connections, if this runtime created them. */
  @Override
  public void close() {
    if (ownsPool) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static String typeName(TypeRef<?> type) {
    return type.type() instanceof Class<?> c ? c.getSimpleName() : type.toString();
  }
}
