package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

class CallListenerTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @Test
  void listenersSeeEveryAttemptAndOneOutcomePerCall() {
    wm.stubFor(
        post("/v1/payments")
            .inScenario("l")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Request-Id", "req_a"))
            .willSetStateTo("2"));
    wm.stubFor(
        post("/v1/payments")
            .inScenario("l")
            .whenScenarioStateIs("2")
            .willReturn(okJson("{}").withHeader("Request-Id", "req_b")));
    List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
    List<CallEvent> calls = new CopyOnWriteArrayList<>();
    List<String> mdcDuringCall = new CopyOnWriteArrayList<>();
    CallListener listener =
        new CallListener() {
          @Override
          public void attemptFinished(AttemptEvent e) {
            attempts.add(e);
            mdcDuringCall.add(String.valueOf(MDC.get("hirfa.idempotency_key")));
          }

          @Override
          public void callFinished(CallEvent e) {
            calls.add(e);
          }
        };
    CallListener throwing =
        new CallListener() {
          @Override
          public void attemptFinished(AttemptEvent e) {
            throw new IllegalStateException("a broken listener must not break the call");
          }
        };
    Fixture f = new Fixture(wm.baseUrl(), b -> b.addListener(throwing).addListener(listener));

    f.runtime.execute(TestRequests.post("v1", "payments").body(Map.of("a", 1)).build());

    assertThat(attempts).extracting(AttemptEvent::status).containsExactly(503, 200);
    assertThat(attempts).extracting(AttemptEvent::requestId).containsExactly("req_a", "req_b");
    assertThat(attempts.get(0).failure()).isEqualTo("ServerException");
    assertThat(attempts.get(0).retryIn()).isNotNull();
    assertThat(attempts.get(1).retryIn()).isNull();
    assertThat(attempts)
        .extracting(AttemptEvent::invocationId)
        .containsOnly(attempts.get(0).invocationId());
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).succeeded()).isTrue();
    assertThat(calls.get(0).attempts()).isEqualTo(2);
    assertThat(calls.get(0).duration()).isGreaterThan(Duration.ZERO);
    // slf4j-simple (the test binding) has a no-op MDC, so MDC contents are not asserted here.
    assertThat(mdcDuringCall).hasSize(2);
  }

  @Test
  void aListenerThrowingAtEveryEventBreaksNeitherTheCallNorTheListenersAfterIt() {
    wm.stubFor(post("/v1/payments").willReturn(okJson("{}")));
    List<String> seen = new CopyOnWriteArrayList<>();
    CallListener throwing =
        new CallListener() {
          @Override
          public void callStarted(ma.hirfa.sdk.core.CallStart s) {
            throw new IllegalStateException("callStarted");
          }

          @Override
          public void attemptStarted(
              ma.hirfa.sdk.core.AttemptStart s, java.util.function.BiConsumer<String, String> h) {
            throw new IllegalStateException("attemptStarted");
          }

          @Override
          public void attemptFinished(AttemptEvent e) {
            throw new IllegalStateException("attemptFinished");
          }

          @Override
          public void callFinished(CallEvent e) {
            throw new IllegalStateException("callFinished");
          }
        };
    CallListener recording =
        new CallListener() {
          @Override
          public void callStarted(ma.hirfa.sdk.core.CallStart s) {
            seen.add("callStarted");
          }

          @Override
          public void attemptStarted(
              ma.hirfa.sdk.core.AttemptStart s, java.util.function.BiConsumer<String, String> h) {
            seen.add("attemptStarted");
          }

          @Override
          public void attemptFinished(AttemptEvent e) {
            seen.add("attemptFinished");
          }

          @Override
          public void callFinished(CallEvent e) {
            seen.add("callFinished");
          }
        };
    Fixture f = new Fixture(wm.baseUrl(), b -> b.addListener(throwing).addListener(recording));

    f.runtime.execute(TestRequests.post("v1", "payments").body(Map.of("a", 1)).build());

    assertThat(seen)
        .containsExactly("callStarted", "attemptStarted", "attemptFinished", "callFinished");
  }
}
