package ma.hirfa.sdk.core;

import java.net.Proxy;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.internal.http.TlsProbe;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ClientOptions} reach the server: the proxy, the TLS socket factory and its trust
 * manager, the hostname verifier. Null means the JDK's or OkHttp's default. One immutable value,
 * held by the options and by their builder; each {@code with} method checks its arguments and
 * returns a new value, so a refused setting leaves the builder as it was.
 */
record Network(
    @Nullable Proxy proxy,
    @Nullable SSLSocketFactory sslSocketFactory,
    @Nullable X509TrustManager trustManager,
    @Nullable HostnameVerifier hostnameVerifier) {
  static final Network DEFAULTS = new Network(null, null, null, null);

  Network withProxy(Proxy proxy) {
    Objects.requireNonNull(proxy, "proxy == null");
    return new Network(proxy, sslSocketFactory, trustManager, hostnameVerifier);
  }

  /** Both or neither: OkHttp needs the trust manager the factory was built with. */
  Network withTls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
    Objects.requireNonNull(sslSocketFactory, "sslSocketFactory == null");
    Objects.requireNonNull(trustManager, "trustManager == null");
    return new Network(proxy, sslSocketFactory, trustManager, hostnameVerifier);
  }

  Network withHostnameVerifier(HostnameVerifier hostnameVerifier) {
    Objects.requireNonNull(hostnameVerifier, "hostnameVerifier == null");
    return new Network(proxy, sslSocketFactory, trustManager, hostnameVerifier);
  }

  /**
   * Checked at {@code build()}, once the key is known: TLS that authenticates nothing is refused
   * with a live key and logged at WARN with a test key ({@link TlsProbe}).
   */
  void checkWhole(boolean liveKey) {
    TlsProbe.check(trustManager, hostnameVerifier, liveKey);
  }

  /** The part of {@link ClientOptions#toString()} these settings print: no TLS object itself. */
  @Override
  public String toString() {
    return "proxy="
        + (proxy == null ? "none" : proxy.type())
        + ", customTls="
        + (sslSocketFactory != null);
  }
}
