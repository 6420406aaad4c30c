package consumer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.springframework.core.env.Environment;

/**
 * The calls through the Hirfa starter: its client beans read the taxonomy and collect a payment,
 * and the sandbox's signed {@code payment.succeeded} must reach {@link PaidOrders} through the
 * starter's webhook endpoint, once. Unless {@code consumer.register-webhook=false} (a test under
 * {@code @AutoConfigureHirfaSandbox}, which registers it), the endpoint is first registered with
 * the sandbox, with the secret the starter verifies with.
 */
final class StarterCalls {
  private StarterCalls() {}

  static String run(
      Environment env, PaymentsClient payments, CatalogClient catalog, PaidOrders paid)
      throws InterruptedException {
    check(catalog.taxonomy().get() != null, "no taxonomy");
    if (env.getProperty("consumer.register-webhook", Boolean.class, true)) {
      register(
          env.getRequiredProperty("hirfa.base-url"),
          env.getRequiredProperty("hirfa.api-key"),
          "http://127.0.0.1:" + env.getRequiredProperty("local.server.port") + "/hirfa/webhooks",
          env.getRequiredProperty("hirfa.webhooks.secrets[0]"));
    }
    String order = "ORD-STARTER-" + System.nanoTime();
    Payment payment =
        payments
            .payments()
            .create(
                PaymentCreateParams.builder()
                    .amount(Money.parse("300.00", "MAD"))
                    .orderReference(order)
                    .artisanId("art_7QK2M9")
                    .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                    .build());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (paid.times(order) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(500); // a second delivery, if there were one, would have come by now
    check(paid.times(order) == 1, "payment.succeeded reached the listener " + paid.times(order) + "×");
    return "starter: payment " + payment.id() + ", payment.succeeded received once";
  }

  /** Registers the application's endpoint with the sandbox (the sandbox delivers to loopback). */
  private static void register(String baseUrl, String apiKey, String url, String secret) {
    byte[] body =
        ("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8);
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create(baseUrl + "v1/webhook_endpoints").toURL().openConnection(Proxy.NO_PROXY);
      try {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + apiKey);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
        check(c.getResponseCode() == 201, "registering the endpoint: HTTP " + c.getResponseCode());
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
