package ma.hirfa.sdk.spring;

import java.util.function.Function;
import ma.hirfa.sdk.catalog.CatalogEventParser;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.payments.PaymentEvent;
import ma.hirfa.sdk.payments.PaymentEventParser;
import org.springframework.util.ClassUtils;

/**
 * Turns a verified delivery into the typed event the application listens for: a {@code
 * PaymentEvent} or a {@code CatalogEvent}, whichever client is on the class path and knows the
 * type; the raw {@link WebhookMessage} when neither does.
 */
final class HirfaEvents {
  private static final ClassLoader LOADER = HirfaEvents.class.getClassLoader();
  private static final boolean PAYMENTS =
      ClassUtils.isPresent("ma.hirfa.sdk.payments.PaymentEventParser", LOADER);
  private static final boolean CATALOG =
      ClassUtils.isPresent("ma.hirfa.sdk.catalog.CatalogEventParser", LOADER);

  private HirfaEvents() {}

  static Function<WebhookMessage, Object> parser() {
    Function<WebhookMessage, Object> catalog = CATALOG ? Catalog.parser() : m -> m;
    return PAYMENTS ? Payments.parser(catalog) : catalog;
  }

  /** Loaded only when sdk-payments is present. */
  private static final class Payments {
    static Function<WebhookMessage, Object> parser(Function<WebhookMessage, Object> otherwise) {
      PaymentEventParser p = new PaymentEventParser();
      return m -> {
        PaymentEvent e = p.parse(m);
        return e instanceof PaymentEvent.Unknown ? otherwise.apply(m) : e;
      };
    }
  }

  /** Loaded only when sdk-catalog is present. */
  private static final class Catalog {
    static Function<WebhookMessage, Object> parser() {
      CatalogEventParser p = new CatalogEventParser();
      return p::parse;
    }
  }
}
