package ma.hirfa.sdk.spring;

import java.util.List;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Hirfa clients as beans, built from the {@code hirfa.*} properties and closed with the
 * context; every {@link CallListener} bean (the Micrometer and OpenTelemetry ones the starter adds
 * when those are on the class path, and your own) listens to both.
 */
@AutoConfiguration
@EnableConfigurationProperties(HirfaProperties.class)
@Import({
  HirfaObservabilityConfiguration.class,
  HirfaWebhookConfiguration.class,
  HirfaHealthConfiguration.class
})
public class HirfaAutoConfiguration {

  /** Which events were applied: in memory by default; declare a shared one for several nodes. */
  @Bean
  @ConditionalOnMissingBean
  ProcessedEvents hirfaProcessedEvents() {
    return ProcessedEvents.inMemory();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PaymentsClient.class)
  @ConditionalOnProperty(prefix = "hirfa.payments", name = "enabled", matchIfMissing = true)
  static class Payments {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PaymentsClient hirfaPaymentsClient(HirfaProperties p, ObjectProvider<CallListener> listeners) {
      List<CallListener> all = listeners.orderedStream().toList();
      try {
        return PaymentsClient.builder()
            .configure(ClientSettings.of(p, "payments", p.getPayments(), all))
            .build();
      } catch (HirfaPropertyException e) {
        throw e;
      } catch (ValidationException e) {
        throw ClientSettings.whole(e);
      }
    }

    @Bean
    HirfaHealthSource hirfaPaymentsHealth(PaymentsClient client) {
      return new HirfaHealthSource("payments", client::health);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CatalogClient.class)
  @ConditionalOnProperty(prefix = "hirfa.catalog", name = "enabled", matchIfMissing = true)
  static class Catalog {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CatalogClient hirfaCatalogClient(HirfaProperties p, ObjectProvider<CallListener> listeners) {
      List<CallListener> all = listeners.orderedStream().toList();
      try {
        return CatalogClient.builder()
            .configure(ClientSettings.of(p, "catalog", p.getCatalog(), all))
            .build();
      } catch (HirfaPropertyException e) {
        throw e;
      } catch (ValidationException e) {
        throw ClientSettings.whole(e);
      }
    }

    @Bean
    HirfaHealthSource hirfaCatalogHealth(CatalogClient client) {
      return new HirfaHealthSource("catalog", client::health);
    }
  }
}
