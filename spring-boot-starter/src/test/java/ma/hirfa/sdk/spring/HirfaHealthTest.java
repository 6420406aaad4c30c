package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The health contributor reads each client's breaker and last call, never calls the API, and is
 * DOWN for an open breaker only when told to.
 */
class HirfaHealthTest {
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
  void clear() {
    sandbox.faults().clear();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
        .withPropertyValues(
            "hirfa.api-key=" + sandbox.apiKey(),
            "hirfa.base-url=" + sandbox.baseUrl(),
            "hirfa.retry.max-attempts=1",
            "hirfa.circuit-breaker.window-size=2",
            "hirfa.circuit-breaker.minimum-calls=2",
            "hirfa.circuit-breaker.failure-rate-percent=50");
  }

  private static Health health(AssertableApplicationContext context) {
    return context.getBean("hirfaHealthIndicator", HealthIndicator.class).health(true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payments(Health h) {
    return (Map<String, Object>) h.getDetails().get("payments");
  }

  /** Fails payments until the breaker opens. */
  private static void openTheBreaker(PaymentsClient client) {
    sandbox.faults().status("POST", "/v1/payments", 503, 10);
    for (int i = 0; i < 2; i++) {
      int n = i;
      assertThatThrownBy(
              () ->
                  client
                      .payments()
                      .create(
                          PaymentCreateParams.builder()
                              .amount(Money.parse("10.00", "MAD"))
                              .orderReference("ORD-health-" + n)
                              .artisanId("art_7QK2M9")
                              .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                              .build()))
          .isInstanceOf(HirfaException.class)
          .isNotInstanceOf(CircuitOpenException.class);
    }
  }

  @Test
  void anOpenBreakerIsShownAndTheApplicationStaysUpByDefault() {
    runner()
        .run(
            context -> {
              openTheBreaker(context.getBean(PaymentsClient.class));
              sandbox.clearRequests();

              Health h = health(context);

              assertThat(sandbox.requests()).isEmpty();
              assertThat(h.getStatus().getCode()).isEqualTo("UP");
              assertThat(payments(h))
                  .containsEntry("circuit", "OPEN")
                  .containsEntry("lastCall", "ServerException");
              assertThat(h.getDetails()).containsKey("catalog");
            });
  }

  @Test
  void anOpenBreakerIsDownWhenConfigured() {
    runner()
        .withPropertyValues("hirfa.health.down-when-circuit-open=true")
        .run(
            context -> {
              assertThat(health(context).getStatus().getCode()).isEqualTo("UP");
              openTheBreaker(context.getBean(PaymentsClient.class));

              assertThat(health(context).getStatus().getCode()).isEqualTo("DOWN");
            });
  }

  @Test
  void aClientThatMadeNoCallShowsNoLastCall() {
    runner()
        .run(
            context -> {
              sandbox.clearRequests();
              Map<String, Object> details = payments(health(context));
              assertThat(details).containsEntry("circuit", "CLOSED").doesNotContainKey("lastCall");
              assertThat(sandbox.requests()).isEmpty();
            });
  }

  @Test
  void withoutBootsHealthModuleThereIsNoContributorAndTheClientsStillStart() {
    runner()
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(PaymentsClient.class);
              assertThat(context).doesNotHaveBean("hirfaHealthIndicator");
            });
  }
}
