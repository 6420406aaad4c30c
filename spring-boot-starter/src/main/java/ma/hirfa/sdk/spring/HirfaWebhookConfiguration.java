package ma.hirfa.sdk.spring;

import java.util.List;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The webhook endpoint, when the application serves HTTP with Spring MVC and a secret (or a public
 * key) is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
    name = {
      "org.springframework.web.bind.annotation.RestController",
      "jakarta.servlet.http.HttpServletRequest"
    })
@Conditional(HirfaWebhookConfiguration.Configured.class)
class HirfaWebhookConfiguration {

  @Bean
  @ConditionalOnMissingBean
  WebhookVerifier hirfaWebhookVerifier(HirfaProperties p) {
    HirfaProperties.Webhooks w = p.getWebhooks();
    WebhookVerifier.Builder b = WebhookVerifier.builder();
    List<String> secrets = w.getSecrets();
    for (int i = 0; i < secrets.size(); i++) {
      String secret = secrets.get(i);
      // Each one alone first, so that the refusal names the one that is wrong (never its value).
      ClientSettings.check(
          "hirfa.webhooks.secrets[" + i + "]",
          () -> WebhookVerifier.builder().secret(secret).build());
      b.secret(secret);
    }
    String publicKey = w.getPublicKey();
    if (publicKey != null) {
      ClientSettings.check(
          "hirfa.webhooks.public-key",
          () -> WebhookVerifier.builder().publicKey(publicKey).build());
      b.publicKey(publicKey);
    }
    ClientSettings.check("hirfa.webhooks.tolerance", () -> b.tolerance(w.getTolerance()));
    return b.build();
  }

  @Bean
  HirfaWebhookEndpoint hirfaWebhookEndpoint(
      WebhookVerifier verifier,
      ProcessedEvents processed,
      ApplicationEventPublisher publisher,
      HirfaProperties p) {
    long max = p.getWebhooks().getMaxBodySize().toBytes();
    if (max < 1 || max > Integer.MAX_VALUE) {
      throw new HirfaPropertyException(
          "hirfa.webhooks.max-body-size", "must be between 1B and 2GB but was " + max + "B");
    }
    return new HirfaWebhookEndpoint(
        verifier, processed, HirfaEvents.parser(), publisher, (int) max);
  }

  /** True when {@code hirfa.webhooks.secrets} or {@code hirfa.webhooks.public-key} is set. */
  static final class Configured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Binder binder = Binder.get(context.getEnvironment());
      return binder
              .bind("hirfa.webhooks.secrets", String[].class)
              .map(a -> a.length > 0)
              .orElse(false)
          || binder.bind("hirfa.webhooks.public-key", String.class).isBound();
    }
  }
}
