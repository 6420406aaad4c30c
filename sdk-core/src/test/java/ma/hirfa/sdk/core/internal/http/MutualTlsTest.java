package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank's own TLS settings through {@code ClientOptions.tls}: a private trust store and a client
 * certificate (mutual TLS) against a local HTTPS server that demands one. Certificates are made by
 * the JDK's keytool in a temporary folder.
 */
class MutualTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  static WireMockServer server;

  @BeforeAll
  static void start() throws Exception {
    keyPair("server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
    keyPair("client", "CN=atlas-bank", null);
    trust("server", "client-trusts-server.p12");
    trust("client", "server-trusts-client.p12");
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(dir.resolve("server.p12").toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("PKCS12")
                .needClientAuth(true)
                .trustStorePath(dir.resolve("server-trusts-client.p12").toString())
                .trustStorePassword("changeit")
                .trustStoreType("PKCS12"));
    server.start();
    server.stubFor(get("/v1/ping").willReturn(okJson("{\"ok\":true}")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aClientCertificateAndAPrivateTrustStoreReachTheServer() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load("client.p12"), PASSWORD);
    X509TrustManager trust = trustManager("client-trusts-server.p12");
    tls.init(keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {trust}, null);
    Fixture f =
        new Fixture(
            "https://localhost:" + server.httpsPort(), b -> b.tls(tls.getSocketFactory(), trust));

    ApiResponse r = f.runtime.execute(TestRequests.get("v1", "ping").build());

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void withoutAClientCertificateTheHandshakeFailsAsATypedError() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    X509TrustManager trust = trustManager("client-trusts-server.p12");
    tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    Fixture f =
        new Fixture(
            "https://localhost:" + server.httpsPort(),
            b -> b.tls(tls.getSocketFactory(), trust).retryPolicy(RetryPolicy.none()));

    assertThatThrownBy(() -> f.runtime.execute(TestRequests.get("v1", "ping").build()))
        .isInstanceOf(ConnectionException.class);
  }

  @Test
  void theDefaultTrustStoreRefusesTheSelfSignedServer() {
    Fixture f =
        new Fixture(
            "https://localhost:" + server.httpsPort(), b -> b.retryPolicy(RetryPolicy.none()));

    assertThatThrownBy(() -> f.runtime.execute(TestRequests.get("v1", "ping").build()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("SSL");
  }

  private static X509TrustManager trustManager(String store) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(load(store));
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  private static KeyStore load(String name) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  private static void keyPair(String alias, String dname, String ext) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                keytool(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve(alias + ".p12").toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
    if (ext != null) {
      cmd.add("-ext");
      cmd.add(ext);
    }
    run(cmd);
    run(
        List.of(
            keytool(),
            "-exportcert",
            "-alias",
            alias,
            "-keystore",
            dir.resolve(alias + ".p12").toString(),
            "-storepass",
            "changeit",
            "-file",
            dir.resolve(alias + ".cer").toString()));
  }

  private static void trust(String alias, String store) throws Exception {
    run(
        List.of(
            keytool(),
            "-importcert",
            "-noprompt",
            "-alias",
            alias,
            "-file",
            dir.resolve(alias + ".cer").toString(),
            "-storetype",
            "PKCS12",
            "-keystore",
            dir.resolve(store).toString(),
            "-storepass",
            "changeit"));
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }
}
