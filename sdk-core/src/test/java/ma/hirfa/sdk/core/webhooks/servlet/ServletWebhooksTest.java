package ma.hirfa.sdk.core.webhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.junit.jupiter.api.Test;

class ServletWebhooksTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private final WebhookVerifier verifier =
      WebhookVerifier.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  /** A request whose container spells header names its own way, with the body as a stream. */
  private static HttpServletRequest request(Map<String, String> headers, byte[] body) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> byName.put(k.toUpperCase(java.util.Locale.ROOT), v));
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    ServletInputStream stream =
        new ServletInputStream() {
          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
          }

          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener l) {}
        };
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ServletWebhooksTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeaderNames" -> Collections.enumeration(byName.keySet());
                  case "getHeaders" ->
                      Collections.enumeration(List.of(byName.get((String) args[0])));
                  case "getInputStream" -> stream;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void verifiesTheRawBodyOfAServletRequest() {
    byte[] body = "{\"type\":\"order.paid\",\"title\":\"طاجين\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        WebhookSigner.builder().secret(SECRET).build().sign("msg_s1", NOW, body);

    WebhookMessage m = ServletWebhooks.verify(verifier, request(headers, body));

    assertThat(m.id()).isEqualTo("msg_s1");
    assertThat(m.body()).isEqualTo(body);
  }

  @Test
  void aTamperedBodyFailsVerification() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        WebhookSigner.builder().secret(SECRET).build().sign("msg_s2", NOW, body);

    assertThatThrownBy(
            () ->
                ServletWebhooks.verify(
                    verifier, request(headers, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void anOversizedBodyIsRefusedNamingTheField() {
    byte[] body = new byte[2048];
    Map<String, String> headers =
        WebhookSigner.builder().secret(SECRET).build().sign("msg_s3", NOW, body);

    assertThatThrownBy(() -> ServletWebhooks.verify(verifier, request(headers, body), 1024))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("body"));
  }
}
