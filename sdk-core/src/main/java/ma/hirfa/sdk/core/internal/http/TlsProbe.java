package ma.hirfa.sdk.core.internal.http;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.log.CallLog;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether a caller's TLS settings turned authentication off: a trust manager that accepts any
 * certificate, or a hostname verifier that accepts any name. Both are found by asking them about a
 * self-signed certificate for a name that cannot exist ({@code hirfa-trust-probe.invalid}, RFC
 * 2606), which no honest trust manager or verifier accepts.
 */
public final class TlsProbe {
  /** A throwaway self-signed EC certificate; its key was discarded when it was made. */
  private static final String PROBE_CERT =
      ""
          + "MIIBYzCCAQigAwIBAgIJAJU1QjmOovTUMAoGCCqGSM49BAMCMCQxIjAgBgNVBAMTGWhpcmZh"
          + "LXRydXN0LXByb2JlLmludmFsaWQwIBcNMjYxMTI5MTUxMjEyWhgPMjEyNjExMDUxNTEyMTJa"
          + "MCQxIjAgBgNVBAMTGWhpcmZhLXRydXN0LXByb2JlLmludmFsaWQwWTATBgcqhkjOPQIBBggq"
          + "hkjOPQMBBwNCAATXRGJDPMTJZIxlg1KEjOq140gAt8DFfJag1PgBqRY6cDXvJVolasrOSb5B"
          + "Mv6wZat60BCnkOt4XbMaNJrCLXv5oyEwHzAdBgNVHQ4EFgQURMggXahbsiZIwoNiuW+utwqF"
          + "OrUwCgYIKoZIzj0EAwIDSQAwRgIhAIMIk7VotxYCxJvFzmU4yB2T80lfBVbSsj1JQlElnz9l"
          + "AiEAiKmBBG5t3OHt5egpbFycnfi/01GXnLxfIdVqODktvLw=";

  private static final String PROBE_HOST = "hirfa-hostname-probe.invalid";

  private TlsProbe() {}

  /**
   * Refuses TLS settings that authenticate nothing when the key is live, and logs one WARN line for
   * each such setting with a test key (a sandbox behind a self-signed proxy, say).
   *
   * @throws ValidationException naming {@code tls.trustManager} or {@code hostnameVerifier}
   */
  public static void check(
      @Nullable X509TrustManager trustManager,
      @Nullable HostnameVerifier verifier,
      boolean liveKey) {
    if (trustManager != null && trustsAnything(trustManager)) {
      refuseOrWarn(
          "tls.trustManager", "trusts every certificate (it accepted a self-signed one)", liveKey);
    }
    if (verifier != null && acceptsAnyHost(verifier)) {
      refuseOrWarn(
          "hostnameVerifier", "accepts every host name (it accepted " + PROBE_HOST + ")", liveKey);
    }
  }

  private static void refuseOrWarn(String field, String what, boolean liveKey) {
    if (liveKey) {
      throw new ValidationException(
          field, what + ": a live key must never travel over unauthenticated TLS");
    }
    CallLog.LOG.warn(
        "{} {}: anyone on the network path can read and change this client's traffic; use it"
            + " only against a test endpoint",
        field,
        what);
  }

  /** True when {@code trustManager} accepted a self-signed certificate it cannot know. */
  static boolean trustsAnything(X509TrustManager trustManager) {
    X509Certificate[] chain = {probe()};
    try {
      trustManager.checkServerTrusted(chain, "ECDHE_ECDSA");
      return true;
    } catch (CertificateException | RuntimeException e) {
      return false;
    }
  }

  /** True when {@code verifier} accepted a name the probe certificate does not carry. */
  static boolean acceptsAnyHost(HostnameVerifier verifier) {
    X509Certificate cert = probe();
    SSLSession session =
        (SSLSession)
            Proxy.newProxyInstance(
                TlsProbe.class.getClassLoader(),
                new Class<?>[] {SSLSession.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getPeerCertificates" -> new Certificate[] {cert};
                      case "getPeerHost" -> PROBE_HOST;
                      case "getPeerPort" -> 443;
                      case "isValid" -> true;
                      case "getProtocol" -> "TLSv1.3";
                      case "getCipherSuite" -> "TLS_AES_128_GCM_SHA256";
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      case "toString" -> "TlsProbe.session";
                      default -> null;
                    });
    try {
      return verifier.verify(PROBE_HOST, session);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static X509Certificate probe() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(Base64.getDecoder().decode(PROBE_CERT)));
    } catch (CertificateException e) {
      throw new IllegalStateException("the TLS probe certificate does not parse", e);
    }
  }
}
