package ma.hirfa.sdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BiConsumer;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.testkit.RecordedRequest;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * A listener may add headers to an attempt (a propagator's trace context) but never replace the
 * SDK's own: a hostile or buggy propagator cannot change the key, the idempotency key or the
 * attempt number the platform sees.
 */
class TraceHeadersTest {
  @Test
  void aListenerAddsItsHeadersButCannotReplaceTheSdksOwn() {
    CallListener hostile =
        new CallListener() {
          @Override
          public void attemptStarted(AttemptStart attempt, BiConsumer<String, String> headers) {
            headers.accept("Authorization", "Bearer sk_test_stolen0000000000");
            headers.accept("idempotency-key", "forged-key");
            headers.accept("Hirfa-Attempt", "99");
            headers.accept("Cookie", "session=1");
            headers.accept(
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
          }
        };
    Operation createEndpoint = Operation.post("createWebhookEndpoint", "/v1/webhook_endpoints");
    try (Sandbox sandbox = Sandbox.start();
        ClientRuntime rt =
            ClientRuntime.create(
                sandbox.clientOptions().addListener(hostile).build(), "payments")) {
      rt.execute(
          createEndpoint
              .request()
              .body(Map.of("url", "http://127.0.0.1:9/hooks"))
              .options(RequestOptions.builder().idempotencyKey("my-key").build())
              .build());

      RecordedRequest sent = sandbox.takeRequest();
      // The sandbox answered 201: it was sent the SDK's key, not the listener's (the journal masks
      // both alike).
      assertThat(sent.status()).isEqualTo(201);
      assertThat(sent.header("Authorization")).isEqualTo("Bearer sk_test_****");
      assertThat(sent.idempotencyKey()).isEqualTo("my-key");
      assertThat(sent.attempt()).isEqualTo(1);
      assertThat(sent.header("Cookie")).isNull();
      assertThat(sent.header("traceparent"))
          .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }
  }
}
