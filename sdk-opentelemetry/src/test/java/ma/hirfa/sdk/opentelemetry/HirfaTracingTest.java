package ma.hirfa.sdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ServerException;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.RecordedRequest;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spans and headers of a call, against the sandbox: one call span, one attempt span per
 * attempt, the semantic conventions' attributes with the URL template (never the path), and the W3C
 * trace context of each attempt's span on that attempt.
 */
class HirfaTracingTest {
  /** The contract's operation, as the payments service declares it. */
  private static final Operation GET_PAYMENT = Operation.get("getPayment", "/v1/payments/{id}");

  static Sandbox sandbox;
  static String paymentId;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    try (PaymentsClient client =
        PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      paymentId =
          client
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(Money.parse("120.00", "MAD"))
                      .orderReference("ORD-trace-1")
                      .artisanId("art_7QK2M9")
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build())
              .id();
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

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

  @BeforeEach
  void clearJournal() {
    sandbox.clearRequests();
  }

  @AfterEach
  void close() {
    sandbox.faults().clear();
    otel.close();
  }

  private ClientRuntime runtime() {
    return ClientRuntime.create(
        sandbox
            .clientOptions()
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

  private List<SpanData> spans(SpanKind kind) {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
  }

  @Test
  void aCallIsOneSpanWithOneClientSpanPerAttemptNamedByTheTemplate() {
    try (ClientRuntime rt = runtime()) {
      rt.execute(GET_PAYMENT.request(paymentId).build());
    }

    assertThat(exporter.getFinishedSpanItems()).hasSize(2);
    SpanData call = spans(SpanKind.INTERNAL).get(0);
    SpanData attempt = spans(SpanKind.CLIENT).get(0);
    assertThat(call.getName()).isEqualTo("getPayment");
    assertThat(attempt.getName()).isEqualTo("GET /v1/payments/{id}");
    assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(attr(attempt, "url.template")).isEqualTo("/v1/payments/{id}");
    assertThat(attr(attempt, "http.request.method")).isEqualTo("GET");
    assertThat(attr(attempt, "server.address")).isEqualTo("127.0.0.1");
    assertThat(attr(attempt, "hirfa.request_id")).isEqualTo(sandbox.takeRequest().requestId());
    assertThat(longAttr(attempt, "http.response.status_code")).isEqualTo(200L);
    assertThat(longAttr(call, "hirfa.attempts")).isEqualTo(1L);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(tracing.openCalls()).isZero();
  }

  @Test
  void noAttributeCarriesTheIdTheKeyOrTheCard() {
    try (ClientRuntime rt = runtime()) {
      rt.execute(GET_PAYMENT.request(paymentId).build());
    }

    for (SpanData s : exporter.getFinishedSpanItems()) {
      assertThat(s.getName()).doesNotContain(paymentId);
      assertThat(s.getAttributes().asMap().values())
          .map(Object::toString)
          .noneMatch(v -> v.contains(paymentId))
          .noneMatch(v -> v.contains(sandbox.apiKey()))
          .noneMatch(v -> v.contains("4242424242424242"));
    }
  }

  @Test
  void everyAttemptCarriesTheTraceContextOfItsOwnSpanAndARetrySaysWhy() {
    sandbox.faults().status("GET", "/v1/payments/", 503, 1);
    try (ClientRuntime rt = runtime()) {
      rt.execute(GET_PAYMENT.request(paymentId).build());
    }

    List<SpanData> attempts = spans(SpanKind.CLIENT);
    List<RecordedRequest> sent = sandbox.requests();
    assertThat(attempts).hasSize(2);
    assertThat(sent).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SpanData span = attempts.get(i);
      assertThat(sent.get(i).header("traceparent"))
          .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
    }
    assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(attempts.get(0), "error.type")).isEqualTo("ServerException");
    assertThat(longAttr(attempts.get(0), "http.response.status_code")).isEqualTo(503L);
    assertThat(longAttr(attempts.get(0), "http.request.resend_count")).isNull();
    assertThat(longAttr(attempts.get(1), "http.request.resend_count")).isEqualTo(1L);
    assertThat(attr(attempts.get(1), "hirfa.retry_reason")).isEqualTo("ServerException");
    assertThat(spans(SpanKind.INTERNAL).get(0).getStatus().getStatusCode())
        .isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aFailedCallEndsWithAnErrorSpanNamingTheException() {
    sandbox.faults().status("GET", "/v1/payments/", 503, 3);
    try (ClientRuntime rt = runtime()) {
      assertThatThrownBy(() -> rt.execute(GET_PAYMENT.request(paymentId).build()))
          .isInstanceOf(ServerException.class);
    }

    SpanData call = spans(SpanKind.INTERNAL).get(0);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(call, "error.type")).isEqualTo("ServerException");
    assertThat(longAttr(call, "hirfa.attempts")).isEqualTo(3L);
    assertThat(spans(SpanKind.CLIENT)).hasSize(3);
    assertThat(tracing.openCalls()).isZero();
  }

  @Test
  void aCancelledAsyncCallClosesItsSpans() throws Exception {
    sandbox.faults().delay("GET", "/v1/payments/", Duration.ofSeconds(10), 1);
    try (ClientRuntime rt = runtime()) {
      var future = rt.executeAsync(GET_PAYMENT.request(paymentId).build());
      sandbox.takeRequest(); // the attempt is on the wire, its answer 10 s away
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
