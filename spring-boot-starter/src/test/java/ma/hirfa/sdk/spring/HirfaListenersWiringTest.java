package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.micrometer.HirfaMetrics;
import ma.hirfa.sdk.opentelemetry.HirfaTracing;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Micrometer and OpenTelemetry listeners are wired into both clients when their module, their
 * library and the application's registry or OpenTelemetry are there, and absent otherwise: a client
 * without them builds no event for them.
 */
class HirfaListenersWiringTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
          .withPropertyValues(
              "hirfa.api-key=sk_test_wiring0123456789", "hirfa.base-url=http://127.0.0.1:9/");

  private final ApplicationContextRunner withBoth =
      runner
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withBean(OpenTelemetry.class, OpenTelemetry::noop);

  private static ListAssert<CallListener> listenersOf(AssertableApplicationContext context) {
    List<CallListener> payments = context.getBean(PaymentsClient.class).options().listeners();
    List<CallListener> catalog = context.getBean(CatalogClient.class).options().listeners();
    assertThat(catalog).hasSameElementsAs(payments);
    return assertThat(payments);
  }

  @Test
  void withARegistryAndOpenTelemetryBothListenersAreWired() {
    withBoth.run(
        context -> {
          listenersOf(context).hasSize(2);
          listenersOf(context).hasAtLeastOneElementOfType(HirfaMetrics.class);
          listenersOf(context).hasAtLeastOneElementOfType(HirfaTracing.class);
        });
  }

  @Test
  void withoutTheMicrometerModuleOnTheClassPathNoMetricsListenerIsWired() {
    withBoth
        .withClassLoader(new FilteredClassLoader(HirfaMetrics.class))
        .run(
            context -> {
              listenersOf(context).hasSize(1);
              listenersOf(context).hasOnlyElementsOfType(HirfaTracing.class);
            });
  }

  @Test
  void withoutMicrometerItselfOnTheClassPathNoMetricsListenerIsWired() {
    runner
        .withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> listenersOf(context).hasOnlyElementsOfType(HirfaTracing.class).hasSize(1));
  }

  @Test
  void withoutTheOpenTelemetryModuleOrApiNoTracingListenerIsWired() {
    withBoth
        .withClassLoader(new FilteredClassLoader(HirfaTracing.class))
        .run(context -> listenersOf(context).hasOnlyElementsOfType(HirfaMetrics.class).hasSize(1));
    runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(OpenTelemetry.class))
        .run(context -> listenersOf(context).hasOnlyElementsOfType(HirfaMetrics.class).hasSize(1));
  }

  @Test
  void withTheModulesButNoRegistryOrOpenTelemetryTheClientsHaveNoListener() {
    runner.run(context -> listenersOf(context).isEmpty());
  }
}
