package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter in a Spring Boot 4 application on a random port, against the embedded sandbox: a
 * signed delivery reaches the endpoint, its listener runs exactly once even when the delivery is
 * retried after a failure, and the metrics and health see the calls.
 */
@SpringBootTest(
    classes = StarterApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoints.web.exposure.include=health,metrics"})
@AutoConfigureHirfaSandbox
class HirfaStarterTest {
  @Autowired PaymentsClient payments;
  @Autowired Sandbox sandbox;
  @Autowired StarterApp.Shipping shipping;
  @Autowired MeterRegistry registry;
  @Autowired HealthIndicator hirfaHealthIndicator;

  private Payment pay(String order) {
    return payments
        .payments()
        .create(
            PaymentCreateParams.builder()
                .amount(Money.parse("250.00", "MAD"))
                .orderReference(order)
                .artisanId("art_7QK2M9")
                .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                .build());
  }

  private void awaitShipped(String order) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!shipping.shipped.contains(order) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aSignedDeliveryRunsTheListenerOnceEvenWhenItIsRetriedAfterAFailure() throws Exception {
    shipping.failuresLeft.set(1);
    int before = shipping.calls.get();

    pay("ORD-starter-1");
    awaitShipped("ORD-starter-1");
    Thread.sleep(1_500); // any further redelivery would have arrived by now

    assertThat(shipping.shipped).containsOnlyOnce("ORD-starter-1");
    assertThat(shipping.calls.get() - before).isEqualTo(2); // the failure, then the retry
  }

  @Test
  void theClientIsMeasuredAndItsHealthReadWithoutACall() {
    pay("ORD-starter-2");

    assertThat(registry.get("hirfa.client.calls").tag("outcome", "SUCCESS").timers()).isNotEmpty();
    assertThat(registry.get("hirfa.client.circuit.state").tag("api", "payments").gauge().value())
        .isZero();
    var health = hirfaHealthIndicator.health(true);
    assertThat(health.getStatus().getCode()).isEqualTo("UP");
    assertThat(health.getDetails()).containsKey("payments");
  }
}
