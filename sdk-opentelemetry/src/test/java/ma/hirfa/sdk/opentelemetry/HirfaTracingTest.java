package ma.hirfa.sdk.opentelemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ServerException;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spans and headers of a call, against a local server: one call span, one attempt span per
 * attempt, the semantic conventions' attributes with the URL template (never the path), and the W3C
 * trace context of each attempt's span on that attempt.
 */
class HirfaTracingTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final Operation GET_THING = Operation.get("getThing", "/v1/things/{id}");

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private final HirfaTracing tracing = HirfaTracing.create(otel);

  @AfterEach
  void close() {
    otel.close();
  }

  private ClientRuntime runtime() {
    return ClientRuntime.create(
        ClientOptions.builder()
            .apiKey("sk_test_tracing12345678")
            .baseUrl(wm.baseUrl())
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(2))
                    .build())
            .addListener(tracing)
            .build(),
        "payments");
  }

  private static String attr(SpanData s, String key) {
    return String.valueOf(s.getAttributes().get(AttributeKey.stringKey(key)));
  }

  private static Long longAttr(SpanData s, String key) {
    return s.getAttributes().get(AttributeKey.longKey(key));
  }

  @Test
  void aCallIsOneSpanWithOneClientSpanPerAttemptNamedByTheTemplate() {
    wm.stubFor(get("/v1/things/thg_42").willReturn(okJson("{}").withHeader("Request-Id", "req_1")));
    try (ClientRuntime rt = runtime()) {
      rt.execute(GET_THING.request("thg_42").build());
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(2);
    SpanData call = spans.stream().filter(s -> s.getKind() == SpanKind.INTERNAL).findFirst().get();
    SpanData attempt = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().get();
    assertThat(call.getName()).isEqualTo("getThing");
    assertThat(attempt.getName()).isEqualTo("GET /v1/things/{id}");
    assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(attr(attempt, "url.template")).isEqualTo("/v1/things/{id}");
    assertThat(attr(attempt, "http.request.method")).isEqualTo("GET");
    assertThat(attr(attempt, "server.address")).isEqualTo("localhost");
    assertThat(attr(attempt, "hirfa.request_id")).isEqualTo("req_1");
    assertThat(longAttr(attempt, "http.response.status_code")).isEqualTo(200L);
    assertThat(longAttr(call, "hirfa.attempts")).isEqualTo(1L);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    for (SpanData s : spans) {
      assertThat(s.getAttributes().asMap().values())
          .noneMatch(v -> v.toString().contains("thg_42"));
    }
    assertThat(tracing.openCalls()).isZero();
  }

  @Test
  void everyAttemptCarriesTheTraceContextOfItsOwnSpanAndARetrySaysWhy() {
    wm.stubFor(
        get("/v1/things/thg_7")
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/v1/things/thg_7")
            .inScenario("retry")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));
    try (ClientRuntime rt = runtime()) {
      rt.execute(GET_THING.request("thg_7").build());
    }

    List<SpanData> attempts =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT)
            .toList();
    List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlEqualTo("/v1/things/thg_7")));
    assertThat(attempts).hasSize(2);
    assertThat(sent).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SpanData span = attempts.get(i);
      assertThat(sent.get(i).getHeader("traceparent"))
          .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
    }
    assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(attempts.get(0), "error.type")).isEqualTo("ServerException");
    assertThat(longAttr(attempts.get(1), "http.request.resend_count")).isEqualTo(1L);
    assertThat(attr(attempts.get(1), "hirfa.retry_reason")).isEqualTo("ServerException");
    assertThat(longAttr(attempts.get(0), "http.request.resend_count")).isNull();
  }

  @Test
  void aFailedCallEndsWithAnErrorSpanNamingTheException() {
    wm.stubFor(get("/v1/things/thg_9").willReturn(aResponse().withStatus(503)));
    try (ClientRuntime rt = runtime()) {
      assertThatThrownBy(() -> rt.execute(GET_THING.request("thg_9").build()))
          .isInstanceOf(ServerException.class);
    }

    SpanData call =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.INTERNAL)
            .findFirst()
            .get();
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(call, "error.type")).isEqualTo("ServerException");
    assertThat(longAttr(call, "hirfa.attempts")).isEqualTo(3L);
    assertThat(exporter.getFinishedSpanItems()).hasSize(4);
    assertThat(tracing.openCalls()).isZero();
  }

  @Test
  void aCancelledAsyncCallClosesItsSpans() throws Exception {
    wm.stubFor(get("/v1/things/thg_5").willReturn(okJson("{}").withFixedDelay(2_000)));
    try (ClientRuntime rt = runtime()) {
      var future = rt.executeAsync(GET_THING.request("thg_5").build());
      Thread.sleep(200);
      future.cancel(true);
    }

    assertThat(tracing.openCalls()).isZero();
    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getKind)
        .containsExactlyInAnyOrder(SpanKind.CLIENT, SpanKind.INTERNAL);
    assertThat(exporter.getFinishedSpanItems())
        .allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }
}
