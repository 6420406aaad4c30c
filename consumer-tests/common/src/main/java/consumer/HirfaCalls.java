package consumer;

import java.util.List;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductListParams;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentStatus;
import ma.hirfa.sdk.payments.PaymentsClient;

/**
 * The real calls every consumer project makes against the standalone sandbox (HIRFA_BASE_URL,
 * HIRFA_API_KEY): list products, then collect a card payment for the first product's artisan. The
 * same source serves the plain artifacts and the bundle: the bundle keeps the SDK's package names.
 */
public final class HirfaCalls {
  private HirfaCalls() {}

  public static String run(String baseUrl, String apiKey) {
    String artisan;
    try (CatalogClient catalog = CatalogClient.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
      List<Product> products = catalog.products().list(ProductListParams.builder().limit(5).build()).data();
      check(products.size() == 5, "expected 5 products, got " + products.size());
      artisan = products.get(0).artisanId();
    }
    try (PaymentsClient payments = PaymentsClient.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
      Payment payment =
          payments
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(Money.parse("1250.00", "MAD"))
                      .orderReference("ORD-CONSUMER-" + System.nanoTime())
                      .artisanId(artisan)
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build());
      check(payment.status() == PaymentStatus.SUCCEEDED, "payment " + payment.status());
      Payment read = payments.payments().get(payment.id());
      check(read.id().equals(payment.id()), "read back another payment");
      return "listed 5 products, payment " + payment.id() + " " + payment.status();
    }
  }

  public static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " is not set (consumer-tests/run.sh sets it)");
    }
    return value;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
