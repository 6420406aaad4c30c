package ma.hirfa.sdk.core.internal.http;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ma.hirfa.sdk.core.CircuitState;
import ma.hirfa.sdk.core.ClientHealth;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.internal.retry.Resilience;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The engine one client stands on: the configured OkHttp client ({@link HttpClients}), the JSON
 * codec and the resilience state, and the entry points that run an {@link ApiRequest} through the
 * retry pipeline. Immutable and thread-safe.
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
  final ResponseReader reader;

  /** The headers every call of this client sends, checked and built once. */
  final Headers baseHeaders;

  private final boolean ownsPool;
  private volatile @Nullable LastCall lastCall;

  /** The pool owner's lifecycle, shared by every runtime derived from it. */
  private final Lifecycle shared;

  /** This runtime's own {@link #close()}; a derived client closes without closing the pool. */
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClientRuntime(
      ClientOptions options,
      OkHttpClient http,
      Json json,
      Resilience resilience,
      boolean ownsPool,
      Lifecycle shared) {
    this.options = options;
    this.http = http;
    this.baseUrl = Objects.requireNonNull(HttpUrl.parse(options.baseUrl().toString()));
    this.json = json;
    this.resilience = resilience;
    this.ownsPool = ownsPool;
    this.shared = shared;
    this.reader = new ResponseReader(options.maxResponseBytes(), json, options.clock());
    this.baseHeaders = RequestFactory.baseHeaders(options);
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
    return new ClientRuntime(
        options,
        HttpClients.create(options, transport),
        new Json(),
        new Resilience(apiName, options),
        true,
        new Lifecycle());
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
    return new ClientRuntime(
        newOptions, HttpClients.configure(http, newOptions), json, r, false, shared);
  }

  public ClientOptions options() {
    return options;
  }

  public Json json() {
    return json;
  }

  /** Runs the call through the retry pipeline and returns the successful response. */
  public ApiResponse execute(ApiRequest request) {
    return new CallRunner<>(this, request, Function.identity(), false).runSync();
  }

  /**
   * Runs the call through the retry pipeline until a successful response arrives, and returns it
   * with its body unread: read {@link ApiResponse#source()} as it streams, then close it. Retries
   * cover the attempts up to the response headers; a failure while reading the body is the caller's
   * to handle. A deadline set with {@code RequestOptions.timeout} holds for the whole stream; the
   * client's {@code callTimeout} does not apply to the body.
   */
  public ApiResponse stream(ApiRequest request) {
    return new CallRunner<>(this, request, Function.identity(), true).runSync();
  }

  /**
   * Runs the call and decodes the body as {@code type}. A body that cannot be decoded is retried
   * like a cut one when the call is safe to repeat, and otherwise fails with a {@link
   * ResponseDecodingException} that carries the call's diagnostics.
   */
  public <T> T execute(ApiRequest request, TypeRef<T> type) {
    return new CallRunner<>(
            this, request, response -> BodyDecoder.decode(json, response, type), false)
        .runSync();
  }

  /** The asynchronous form of {@link #execute(ApiRequest)}; cancelling cancels the HTTP call. */
  public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
    return new CallRunner<>(this, request, Function.identity(), false).runAsync();
  }

  /** The asynchronous form of {@link #execute(ApiRequest, TypeRef)}. */
  public <T> CompletableFuture<T> executeAsync(ApiRequest request, TypeRef<T> type) {
    return new CallRunner<>(
            this, request, response -> BodyDecoder.decode(json, response, type), false)
        .runAsync();
  }

  /** Decodes a response body, turning every decoding failure into the SDK's typed exception. */
  public <T> T decode(ApiResponse response, TypeRef<T> type) {
    try {
      return BodyDecoder.decode(json, response, type);
    } catch (DecodeFailure f) {
      throw new ResponseDecodingException(f.reason, response.diagnostics(), f.getCause());
    }
  }

  /** The circuit breaker's state, like {@code CLOSED}; {@code DISABLED} without a breaker. */
  public String circuitState() {
    return resilience.breakerState();
  }

  /** What this client knows about the API's health, without making a call. */
  public ClientHealth health() {
    // The breaker is created at the first failure: before that it is CLOSED (or DISABLED).
    CircuitState state =
        switch (resilience.breakerState()) {
          case "DISABLED" -> CircuitState.DISABLED;
          case "OPEN", "FORCED_OPEN" -> CircuitState.OPEN;
          case "HALF_OPEN" -> CircuitState.HALF_OPEN;
          default -> CircuitState.CLOSED;
        };
    LastCall last = lastCall;
    return new ClientHealth(
        resilience.apiName,
        state,
        resilience.retryTokens(),
        last == null ? null : last.at,
        last == null ? null : last.failure);
  }

  /** How the last call of this runtime ended; read by {@link #health()}. */
  void lastCall(@Nullable HirfaException error) {
    lastCall =
        new LastCall(
            options.clock().instant(), error == null ? null : error.getClass().getSimpleName());
  }

  private record LastCall(Instant at, @Nullable String failure) {}

  /** Open connections in the pool (idle and in use), for leak checks. */
  public int connectionCount() {
    return http.connectionPool().connectionCount();
  }

  /** Retry tokens left in the budget. */
  public long retryTokens() {
    return resilience.retryTokens();
  }

  /** Whether this runtime, or the one whose pool it shares, was closed. */
  boolean isClosed() {
    return closed.get() || shared.closed.get();
  }

  /**
   * Runs {@code task} after {@code nanos} on the runtime's deadline thread, and returns what
   * cancels it. Async calls use it so that time spent queued behind {@code maxConcurrentRequests}
   * counts against their deadline, which OkHttp's own timeout does not.
   */
  Runnable scheduleDeadline(Runnable task, long nanos) {
    ScheduledFuture<?> f = shared.scheduler().schedule(task, nanos, TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  /**
   * Closes this client: calls started afterwards fail at once with an {@link
   * IllegalStateException}, and a call in progress makes no further attempt. The runtime that
   * created the pool also shuts the dispatcher down and closes idle connections.
   */
  @Override
  public void close() {
    closed.set(true);
    if (ownsPool && shared.closed.compareAndSet(false, true)) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      shared.shutdown();
    }
  }
}
