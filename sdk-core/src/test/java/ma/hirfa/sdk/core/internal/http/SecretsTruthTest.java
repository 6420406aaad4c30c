package ma.hirfa.sdk.core.internal.http;

import static ma.hirfa.sdk.core.internal.http.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import ma.hirfa.sdk.core.ApiException;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.FieldError;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.Test;

/**
 * The secrets items of issue 14 (PROMISES.md R2, R3): a server or WAF that echoes the request does
 * not leak it through any exception, log line or cause; the redaction rewrites values, never the
 * SDK's own words; a live key never reaches a loopback server, and TLS that authenticates nothing
 * is refused with a live key and announced with a test key.
 */
class SecretsTruthTest {
  /**
   * A live key's prefix, assembled at run time so that no live-looking key stands in the sources or
   * the compiled tests (secret scanners rightly flag one).
   */
  private static final String LIVE = String.join("_", "sk", "live", "");

  private static final String KEY = "sk_test_EchoedKey1234567890";
  private static final String CARD = "4111111111111111";
  private static final String CVC = "737";

  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w + String.valueOf(t instanceof ApiException a ? a.problem() : "");
  }

  private static String log() throws Exception {
    return Files.readString(Path.of("target/sdk-test.log"), StandardCharsets.UTF_8);
  }

  @Test
  void aRequestIdThatEchoesTheKeyIsRedactedInMessagesAndLogs() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              400,
              Map.of("Content-Type", "application/problem+json", "Request-Id", "echo " + KEY),
              "{\"title\":\"Bad\",\"status\":400,\"request_id\":\"" + KEY + "\"}"));
      Fixture f = new Fixture(server.baseUrl(), b -> b.apiKey(KEY));

      HirfaException e =
          catchThrowableOfType(
              HirfaException.class, () -> f.runtime.execute(TestRequests.get("v1", "x").build()));

      assertThat(everything(e)).doesNotContain(KEY);
      assertThat(e.requestId()).doesNotContain(KEY).startsWith("echo sk_test_");
      assertThat(log()).doesNotContain(KEY);
    }
  }

  @Test
  void anEchoedCardCvcAndKeyAreRedactedInTheProblemAndItsFieldErrors() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              422,
              "application/problem+json",
              "{\"title\":\"Card "
                  + CARD
                  + "\",\"status\":422,\"detail\":\"cvc="
                  + CVC
                  + " key "
                  + KEY
                  + "\",\"errors\":[{\"field\":\"card."
                  + CARD
                  + "\",\"code\":\"bad\",\"message\":\"{\\\"cvc\\\":\\\""
                  + CVC
                  + "\\\"} "
                  + KEY
                  + "\"}]}"));
      Fixture f = new Fixture(server.baseUrl());

      ApiException e =
          catchThrowableOfType(
              ApiException.class, () -> f.runtime.execute(TestRequests.get("v1", "x").build()));

      String all = everything(e);
      assertThat(all).doesNotContain(KEY).doesNotContain(CARD).doesNotContain("cvc=" + CVC);
      FieldError fe = e.problem().errors().get(0);
      assertThat(fe.field() + fe.message()).doesNotContain(CARD).doesNotContain(KEY);
      assertThat(fe.message()).doesNotContain("\\\"" + CVC);
    }
  }

  @Test
  void aDecodingFailureCausedByAnEchoedBodyLeaksNothingThroughItsCause() throws Exception {
    record Amount(ma.hirfa.sdk.core.Money amount) {}
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              200,
              "application/json",
              "{\"amount\":{\"amount_minor\":\"" + CARD + "\",\"currency\":\"" + KEY + "\"}}"));
      Fixture f = new Fixture(server.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));

      ResponseDecodingException e =
          catchThrowableOfType(
              ResponseDecodingException.class,
              () ->
                  f.runtime.execute(TestRequests.get("v1", "x").build(), TypeRef.of(Amount.class)));

      assertThat(everything(e)).doesNotContain(KEY).doesNotContain(CARD);
      assertThat(e.getCause()).isNotNull();
    }
  }

  @Test
  void traceRedactsEscapedFieldsGluedKeysAndCookies() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              200,
              Map.of("Content-Type", "application/json", "Set-Cookie", "session=SESSIONSECRET42"),
              "{\"note\":\"{\\\"cvc\\\":\\\"Cvc913Zq\\\"}\",\"token\":\"x"
                  + LIVE
                  + "GluedKey1234567\"}"));
      Fixture f = new Fixture(server.baseUrl());

      f.runtime.execute(
          TestRequests.post("v1", "notes")
              .body(Map.of("note", "{\"cvc\":\"Cvc914Zq\"}", "ref", "y" + LIVE + "GluedKey7654321"))
              .build());

      String log = log();
      assertThat(log).contains("POST /v1/notes").contains("Set-Cookie: [REDACTED]");
      assertThat(log)
          .doesNotContain("SESSIONSECRET42")
          .doesNotContain("Cvc913Zq")
          .doesNotContain("Cvc914Zq")
          .doesNotContain("GluedKey");
    }
  }

  @Test
  void theSdksOwnMessagesAreNeverRewrittenByTheRedaction() throws Exception {
    assertThat(new ValidationException("apiKey", "must not be empty"))
        .hasMessage("apiKey: must not be empty");
    assertThat(
            catchThrowableOfType(
                HirfaException.class,
                () -> ma.hirfa.sdk.core.webhooks.WebhookVerifier.builder().build()))
        .hasMessage("secret: give a secret or a public key");
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              429,
              Map.of("Content-Type", "application/problem+json", "Retry-After", "1234567890"),
              "{\"title\":\"Slow down\",\"status\":429}"));
      Fixture f = new Fixture(server.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));
      HirfaException e =
          catchThrowableOfType(
              HirfaException.class, () -> f.runtime.execute(TestRequests.get("v1", "rl").build()));
      assertThat(e.status()).isEqualTo(429);
      assertThat(log()).contains("Retry-After: 1234567890");
    }
  }

  @Test
  void aPerCallLiveKeyIsNeverSentToALoopbackServer() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl());
      RequestOptions live = RequestOptions.builder().apiKey(LIVE + "RealMoneyKey12345678").build();

      ValidationException e =
          catchThrowableOfType(
              ValidationException.class,
              () -> f.runtime.execute(TestRequests.get("v1", "x").options(live).build()));

      assertThat(e.field()).isEqualTo("requestOptions.apiKey");
      assertThat(e.getMessage()).doesNotContain("RealMoneyKey");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void trustAllTlsIsRefusedWithALiveKeyAndAnnouncedWithATestKey() throws Exception {
    X509TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new X509TrustManager[] {trustAll}, null);

    ValidationException live =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                ClientOptions.builder()
                    .apiKey(LIVE + "RealMoneyKey12345678")
                    .tls(tls.getSocketFactory(), trustAll)
                    .build());
    ClientOptions.builder()
        .apiKey(Fixture.API_KEY)
        .tls(tls.getSocketFactory(), trustAll)
        .hostnameVerifier((host, session) -> true)
        .build();

    assertThat(live.field()).isEqualTo("tls.trustManager");
    assertThat(log())
        .contains("tls.trustManager trusts every certificate")
        .contains("hostnameVerifier accepts every host name");
  }

  @Test
  void aRedirectIsNeverFollowedSoTheKeyNeverTravelsElsewhere() throws Exception {
    try (ScriptedServer elsewhere = new ScriptedServer();
        ScriptedServer server = new ScriptedServer()) {
      server.otherwise(respond(307, Map.of("Location", elsewhere.baseUrl() + "v1/x"), ""));
      Fixture f = new Fixture(server.baseUrl());

      ApiException e =
          catchThrowableOfType(
              ApiException.class, () -> f.runtime.execute(TestRequests.get("v1", "x").build()));

      assertThat(e.status()).isEqualTo(307);
      assertThat(elsewhere.received()).isEmpty();
    }
  }
}
