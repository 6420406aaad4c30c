package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The client beans: built from the properties, overridden per client, closed with the context. */
class HirfaClientBeansTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
        .withPropertyValues(
            "hirfa.api-key=" + sandbox.apiKey(), "hirfa.base-url=" + sandbox.baseUrl());
  }

  @Test
  void bothClientsAreBuiltFromTheSharedPropertiesAndCallTheApi() {
    runner()
        .withPropertyValues("hirfa.read-timeout=7s", "hirfa.retry.max-attempts=2")
        .run(
            context -> {
              PaymentsClient payments = context.getBean(PaymentsClient.class);
              CatalogClient catalog = context.getBean(CatalogClient.class);
              assertThat(payments.options().readTimeout()).isEqualTo(Duration.ofSeconds(7));
              assertThat(catalog.options().readTimeout()).isEqualTo(Duration.ofSeconds(7));
              assertThat(payments.options().retryPolicy().maxAttempts()).isEqualTo(2);
              assertThat(catalog.taxonomy().get()).isNotNull();
            });
  }

  @Test
  void aPerClientSettingOverridesTheSharedOneForThatClientOnly() {
    runner()
        .withPropertyValues("hirfa.read-timeout=7s", "hirfa.catalog.read-timeout=45s")
        .run(
            context -> {
              assertThat(context.getBean(CatalogClient.class).options().readTimeout())
                  .isEqualTo(Duration.ofSeconds(45));
              assertThat(context.getBean(PaymentsClient.class).options().readTimeout())
                  .isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void aDisabledClientHasNoBean() {
    runner()
        .withPropertyValues("hirfa.catalog.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(PaymentsClient.class);
              assertThat(context).doesNotHaveBean(CatalogClient.class);
            });
  }

  @Test
  void theClientsAreClosedWithTheContext() {
    AtomicReference<PaymentsClient> payments = new AtomicReference<>();
    AtomicReference<CatalogClient> catalog = new AtomicReference<>();
    runner()
        .run(
            context -> {
              payments.set(context.getBean(PaymentsClient.class));
              catalog.set(context.getBean(CatalogClient.class));
              assertThat(catalog.get().taxonomy().get()).isNotNull();
            });
    sandbox.clearRequests();

    assertThatThrownBy(() -> payments.get().payments().get("pay_closed0001"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> catalog.get().taxonomy().get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void everyCallListenerBeanListensToBothClients() {
    AtomicReference<CallEvent> seen = new AtomicReference<>();
    CallListener mine =
        new CallListener() {
          @Override
          public void callFinished(CallEvent event) {
            seen.set(event);
          }
        };
    runner()
        .withBean("myListener", CallListener.class, () -> mine)
        .run(
            context -> {
              assertThat(context.getBean(PaymentsClient.class).options().listeners())
                  .contains(mine);
              context.getBean(CatalogClient.class).taxonomy().get();
              assertThat(seen.get()).isNotNull();
              assertThat(seen.get().method()).isEqualTo("GET");
            });
  }

  @Test
  void anApplicationsOwnClientBeanReplacesTheStartersOne() {
    runner()
        .withBean(
            PaymentsClient.class,
            () ->
                PaymentsClient.builder()
                    .apiKey(sandbox.apiKey())
                    .baseUrl(sandbox.baseUrl())
                    .configure(o -> o.readTimeout(Duration.ofSeconds(3)))
                    .build())
        .run(
            context ->
                assertThat(context.getBean(PaymentsClient.class).options().readTimeout())
                    .isEqualTo(Duration.ofSeconds(3)));
  }
}
