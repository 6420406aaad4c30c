package ma.hirfa.sdk.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.micrometer.HirfaMetrics;
import ma.hirfa.sdk.opentelemetry.HirfaTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires {@code hirfa-sdk-micrometer} and {@code hirfa-sdk-opentelemetry} when they are on the class
 * path and the application has a {@code MeterRegistry} or an {@code OpenTelemetry} bean.
 */
@Configuration(proxyBeanMethods = false)
class HirfaObservabilityConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, HirfaMetrics.class})
  static class Metrics {
    @Bean
    CallListener hirfaMetricsListener(ObjectProvider<MeterRegistry> registry) {
      MeterRegistry r = registry.getIfAvailable();
      return r == null ? new NoListener() : HirfaMetrics.create(r);
    }

    /** Binds each client's circuit gauge once every bean exists. */
    @Bean
    SmartInitializingSingleton hirfaCircuitGauges(
        ObjectProvider<CallListener> listeners, ObjectProvider<HirfaHealthSource> sources) {
      return () ->
          listeners
              .orderedStream()
              .filter(HirfaMetrics.class::isInstance)
              .map(HirfaMetrics.class::cast)
              .forEach(
                  m -> sources.orderedStream().forEach(s -> m.bindCircuit(s.api(), s.health())));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({OpenTelemetry.class, HirfaTracing.class})
  static class Tracing {
    @Bean
    CallListener hirfaTracingListener(ObjectProvider<OpenTelemetry> openTelemetry) {
      OpenTelemetry otel = openTelemetry.getIfAvailable();
      return otel == null ? new NoListener() : HirfaTracing.create(otel);
    }
  }

  /**
   * Stands in when a module is on the class path but the application has no registry or no
   * OpenTelemetry: the clients skip it, so their calls build no event for it.
   */
  static final class NoListener implements CallListener {}
}
