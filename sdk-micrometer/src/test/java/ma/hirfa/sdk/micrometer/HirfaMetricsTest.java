package ma.hirfa.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.CircuitState;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The meters a call leaves, against the sandbox: timer, retries, budget, breaker. */
class HirfaMetricsTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HirfaMetrics metrics = HirfaMetrics.create(registry);

  private PaymentsClient client(RetryPolicy retry, CircuitBreakerPolicy breaker) {
    PaymentsClient client =
        PaymentsClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(o -> o.retryPolicy(retry).circuitBreakerPolicy(breaker).addListener(metrics))
            .build();
    metrics.bindCircuit("payments", client::health);
    return client;
  }

  static PaymentCreateParams payment(String order) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("100.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
        .build();
  }

  static RetryPolicy fast() {
    return RetryPolicy.builder()
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(2))
        .build();
  }

  @Test
  void aCallRetriedOnceIsOneTimedSampleAndOneRetry() {
    sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);
    try (PaymentsClient client = client(fast(), CircuitBreakerPolicy.defaults())) {
      client.payments().create(payment("ORD-metrics-1"));
    }

    Timer timer = registry.get(HirfaMetrics.CALLS).tag("operation", "createPayment").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
    assertThat(timer.getId().getTag("attempts")).isEqualTo("2");
    assertThat(timer.getId().getTag("status")).isEqualTo("201");
    assertThat(timer.getId().getTag("url.template")).isEqualTo("/v1/payments");
    assertThat(
            registry
                .get(HirfaMetrics.RETRIES)
                .tag("operation", "createPayment")
                .tag("reason", "ConnectionException")
                .counters())
        .hasSize(1)
        .allSatisfy(c -> assertThat(c.count()).isEqualTo(1));
  }

  @Test
  void theTagsNameTheContractOperationAndItsTemplateNeverThePathWithItsId() {
    Payment payment;
    try (PaymentsClient client = client(fast(), CircuitBreakerPolicy.defaults())) {
      payment = client.payments().create(payment("ORD-metrics-2"));
    }
    Operation getPayment = Operation.get("getPayment", "/v1/payments/{id}");
    try (ClientRuntime rt =
        ClientRuntime.create(
            sandbox.clientOptions().addListener(metrics).retryPolicy(fast()).build(), "payments")) {
      rt.execute(getPayment.request(payment.id()).build());
    }

    Timer timer = registry.get(HirfaMetrics.CALLS).tag("operation", "getPayment").timer();
    assertThat(timer.getId().getTag("url.template")).isEqualTo("/v1/payments/{id}");
    assertThat(timer.getId().getTag("method")).isEqualTo("GET");
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags())
          .extracting(Tag::getValue)
          .noneMatch(v -> v.contains(payment.id()));
    }
  }

  @Test
  void anEmptyBudgetAndAnOpenBreakerAreCountedAndTheGaugeShowsTheBreaker() {
    RetryPolicy oneToken = fast().toBuilder().budget(1, 0).build();
    CircuitBreakerPolicy tight =
        CircuitBreakerPolicy.builder().windowSize(2).minimumCalls(2).failureRatePercent(50).build();
    sandbox.faults().status("POST", "/v1/payments", 503, 20);
    try (PaymentsClient client = client(oneToken, tight)) {
      assertThat(registry.get(HirfaMetrics.CIRCUIT).gauge().value()).isZero();
      for (int i = 0; i < 3; i++) {
        int n = i;
        assertThatThrownBy(() -> client.payments().create(payment("ORD-metrics-b" + n)))
            .isInstanceOf(HirfaException.class);
      }
      assertThatThrownBy(() -> client.payments().create(payment("ORD-metrics-b9")))
          .isInstanceOf(CircuitOpenException.class);

      assertThat(registry.get(HirfaMetrics.BUDGET_REFUSALS).counter().count()).isPositive();
      assertThat(registry.get(HirfaMetrics.BREAKER_REJECTIONS).counter().count())
          .isGreaterThanOrEqualTo(1);
      assertThat(registry.get(HirfaMetrics.CIRCUIT).gauge().value()).isEqualTo(2);
    }
  }

  @Test
  void theGaugeIsMinusOneWithoutABreaker() {
    try (PaymentsClient client = client(fast(), CircuitBreakerPolicy.disabled())) {
      assertThat(registry.get(HirfaMetrics.CIRCUIT).gauge().value()).isEqualTo(-1);
      assertThat(client.health().circuit()).isEqualTo(CircuitState.DISABLED);
    }
  }
}
