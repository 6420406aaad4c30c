package ma.hirfa.sdk.core.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import ma.hirfa.sdk.core.ClientOptions;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client a {@link ClientRuntime} sends with: a new one, with its own dispatcher and
 * connection pool sized by the options, for a client built from scratch; the same one reconfigured
 * for a client derived from another. Either way OkHttp never re-sends, never follows a redirect and
 * never acts on {@code Retry-After} on its own: every attempt is the SDK's, counted, logged and
 * keyed.
 */
final class HttpClients {
  private HttpClients() {}

  /**
   * A client with its own dispatcher and pool, {@code transport} applied to its builder first (see
   * {@link ClientRuntime#create(ClientOptions, String, UnaryOperator)}), configured by {@code
   * options}.
   */
  static OkHttpClient create(ClientOptions options, UnaryOperator<OkHttpClient.Builder> transport) {
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
    return configure(base, options);
  }

  /**
   * {@code base} with {@code o}'s timeouts, proxy and TLS settings, and the settings that leave
   * every re-send to the SDK and never follow a redirect. Shares {@code base}'s dispatcher and
   * connection pool.
   */
  static OkHttpClient configure(OkHttpClient base, ClientOptions o) {
    OkHttpClient.Builder b =
        base.newBuilder()
            .connectTimeout(o.connectTimeout())
            .readTimeout(o.readTimeout())
            .writeTimeout(o.writeTimeout())
            // The deadline is set on each attempt from the call's remaining time.
            .callTimeout(Duration.ZERO)
            // One retry mechanism only: OkHttp's silent retry would repeat an unkeyed POST on a
            // stale pooled connection, and would hide attempts from the logs and the budget.
            .retryOnConnectionFailure(false)
            // The API never redirects; following one could send the key elsewhere.
            .followRedirects(false)
            .followSslRedirects(false)
            .eventListenerFactory(AttemptTracker.FACTORY);
    if (!b.networkInterceptors().contains(RetryAfterGuard.INSTANCE)) {
      b.addNetworkInterceptor(RetryAfterGuard.INSTANCE);
    }
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
}
