package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.micrometer.HirfaMetrics;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.spring.shop.ShopApp;
import ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter in the Boot shop with its actuator: Boot's registry measures the clients' calls, and
 * the health contributor reads each client's breaker without calling the API.
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHirfaSandbox
class HirfaStarterObservabilityTest {
  @Autowired PaymentsClient payments;
  @Autowired Sandbox sandbox;
  @Autowired MeterRegistry registry;

  @Autowired
  @Qualifier("hirfaHealthIndicator")
  HealthIndicator health;

  private void pay(String order) {
    payments
        .payments()
        .create(
            PaymentCreateParams.builder()
                .amount(Money.parse("90.00", "MAD"))
                .orderReference(order)
                .artisanId("art_7QK2M9")
                .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                .build());
  }

  @Test
  void bootsRegistryTimesTheClientsCallsAndGaugesItsBreaker() {
    pay("ORD-obs-1");

    assertThat(
            registry
                .get(HirfaMetrics.CALLS)
                .tag("url.template", "/v1/payments")
                .tag("outcome", "SUCCESS")
                .timer()
                .count())
        .isPositive();
    assertThat(registry.get(HirfaMetrics.CIRCUIT).tag("api", "payments").gauge().value()).isZero();
  }

  @Test
  void theHealthContributorShowsEachClientsBreakerAndMakesNoCall() {
    pay("ORD-obs-2");
    sandbox.clearRequests();

    Health h = health.health(true);

    assertThat(sandbox.requests()).isEmpty();
    assertThat(h.getStatus().getCode()).isEqualTo("UP");
    assertThat(h.getDetails()).containsOnlyKeys("payments", "catalog");
    @SuppressWarnings("unchecked")
    Map<String, Object> one = (Map<String, Object>) h.getDetails().get("payments");
    assertThat(one).containsEntry("circuit", "CLOSED").containsEntry("lastCall", "SUCCEEDED");
    assertThat(one.values()).noneMatch(v -> v.toString().contains(sandbox.apiKey()));
  }
}
