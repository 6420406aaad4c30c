package ma.hirfa.sdk.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import ma.hirfa.sdk.core.CircuitState;
import ma.hirfa.sdk.core.ClientHealth;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code hirfa} health contributor (Spring Boot 4's actuator): each client's circuit breaker,
 * retry budget and last call, read from its {@code health()}, without a call to the API. UP unless
 * {@code hirfa.health.down-when-circuit-open} is set and a breaker is open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class HirfaHealthConfiguration {

  @Bean
  HealthIndicator hirfaHealthIndicator(
      ObjectProvider<HirfaHealthSource> sources, HirfaProperties p) {
    return () -> {
      boolean open = false;
      Map<String, Object> details = new LinkedHashMap<>();
      for (HirfaHealthSource s : sources.orderedStream().toList()) {
        ClientHealth h = s.health().get();
        open |= h.circuit() == CircuitState.OPEN;
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("circuit", h.circuit().name());
        one.put("retryTokens", h.retryTokens());
        if (h.lastCallAt() != null) {
          one.put("lastCallAt", h.lastCallAt().toString());
          one.put("lastCall", h.lastFailure() == null ? "SUCCEEDED" : h.lastFailure());
        }
        details.put(s.api(), one);
      }
      Health.Builder b =
          open && p.getHealth().isDownWhenCircuitOpen() ? Health.down() : Health.up();
      return b.withDetails(details).build();
    };
  }
}
