package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's delivery log ({@code GET /v1/webhook_endpoints/{id}/deliveries}, read by {@link
 * WebhookEndpointService#listDeliveries}) decodes into {@link WebhookDelivery}.
 */
class WebhookDeliveryModelTest {
  @Test
  void theSandboxsDeliveryLogDecodesIntoWebhookDeliveries() throws Exception {
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (Sandbox sandbox = Sandbox.start();
        PaymentsClient client =
            PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
      WebhookEndpoint endpoint =
          client
              .webhookEndpoints()
              .create(new WebhookEndpointCreateParams(url, List.of("payment.succeeded")));
      client
          .payments()
          .create(
              PaymentCreateParams.builder()
                  .amount(Money.parse("450.00", "MAD"))
                  .orderReference("ORD-LOG")
                  .artisanId("art_7QK2M9")
                  .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                  .build());

      WebhookDelivery delivery = awaitDelivered(client, endpoint.id());

      assertThat(delivery.id()).startsWith("whd_");
      assertThat(delivery.eventType()).isEqualTo("payment.succeeded");
      assertThat(delivery.status()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
      assertThat(delivery.statusAsString()).isEqualTo("succeeded");
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.lastResponseStatus()).isEqualTo(204);
      assertThat(delivery.lastAttemptAt()).isNotNull();
    } finally {
      receiver.stop(0);
    }
  }

  private static WebhookDelivery awaitDelivered(PaymentsClient client, String endpointId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      Page<WebhookDelivery> page =
          client
              .webhookEndpoints()
              .listDeliveries(endpointId, WebhookDeliveryListParams.defaults());
      if (!page.data().isEmpty()
          && page.data().get(0).status() == WebhookDeliveryStatus.SUCCEEDED) {
        return page.data().get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no succeeded delivery in " + page.data());
      }
      Thread.sleep(20);
    }
  }
}
