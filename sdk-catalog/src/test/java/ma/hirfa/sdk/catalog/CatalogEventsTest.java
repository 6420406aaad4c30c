package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** Every catalog event type round-trips from the sandbox's signed delivery to a typed event. */
class CatalogEventsTest {

  @Test
  void everyCatalogEventRoundTripsFromASignedDeliveryToATypedEvent() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    CatalogEventParser parser = new CatalogEventParser();
    WebhookVerifier[] verifier = new WebhookVerifier[1];
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          try {
            received.add(parser.parse(verifier[0].verify(exchange.getRequestHeaders(), body)));
          } catch (RuntimeException e) {
            received.add(e);
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (Sandbox sandbox = Sandbox.builder().catalogSize(20).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
      verifier[0] = WebhookVerifier.builder().secret(registerEndpoint(sandbox, url)).build();

      Product created = catalog.products().create(CatalogClientTest.kilim("EVT-1").build());
      Product updated =
          catalog
              .products()
              .update(
                  created.id(), created.etag(), ProductUpdateParams.from(created).stock(1).build());
      catalog.products().delete(updated.id(), ProductDeleteParams.ifMatch(updated.etag()));
      Artisan artisan =
          catalog
              .artisans()
              .create(
                  ArtisanCreateParams.builder()
                      .nia("NIA-EVT")
                      .displayName("Itto Ouhammou")
                      .status(ArtisanStatus.MAALEM)
                      .crafts(List.of("knotted_rug"))
                      .region("draa_tafilalet")
                      .city("Ouarzazate")
                      .build());
      sandbox.clock().advance(Duration.ofMinutes(2));
      catalog.artisans().get(artisan.id());
      Order order =
          catalog
              .orders()
              .create(
                  OrderCreateParams.builder()
                      .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                      .line("prd_S000001", 1)
                      .shipping(new OrderCreateParams.Shipping("FR", "1 rue de Rivoli, Paris"))
                      .build());
      catalog.orders().markPaid(order.id());

      Map<String, CatalogEvent> byType = new java.util.HashMap<>();
      while (byType.size() < 5) {
        Object next = received.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("deliveries so far: " + byType.keySet()).isNotNull();
        assertThat(next).isInstanceOf(CatalogEvent.class);
        CatalogEvent e = (CatalogEvent) next;
        byType.putIfAbsent(e.type(), e);
      }
      assertThat(byType.keySet())
          .containsExactlyInAnyOrder(
              "product.created",
              "product.updated",
              "product.deleted",
              "artisan.verified",
              "order.paid");
      assertThat(((CatalogEvent.ProductCreated) byType.get("product.created")).product().sku())
          .isEqualTo("EVT-1");
      assertThat(((CatalogEvent.ProductDeleted) byType.get("product.deleted")).productId())
          .isEqualTo(created.id());
      assertThat(((CatalogEvent.ArtisanVerified) byType.get("artisan.verified")).artisan().id())
          .isEqualTo(artisan.id());
      assertThat(((CatalogEvent.OrderPaid) byType.get("order.paid")).order().id())
          .isEqualTo(order.id());
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void anUnknownEventTypeStaysReadable() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] body =
        "{\"id\":\"evt_1\",\"type\":\"product.featured\",\"created_at\":\"2026-11-29T10:00:00Z\",\"data\":{\"object\":{}}}"
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WebhookSigner.builder().secret(secret).build().sign(body);
    WebhookMessage message =
        WebhookVerifier.builder()
            .secret(secret)
            .build()
            .verify(
                headers.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                body);

    CatalogEvent event = new CatalogEventParser().parse(message);

    assertThat(event)
        .isInstanceOfSatisfying(
            CatalogEvent.Unknown.class, u -> assertThat(u.json()).contains("product.featured"));
    assertThat(Set.of(event.type())).containsExactly("product.featured");
  }

  /** Registers a webhook endpoint over plain HTTP (the Payments API owns endpoints). */
  private static String registerEndpoint(Sandbox sandbox, String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/webhook_endpoints"))
                    .header("Authorization", "Bearer " + sandbox.apiKey())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "register-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String body = r.body();
    int at = body.indexOf("\"secret\":\"") + 10;
    return body.substring(at, body.indexOf('"', at));
  }
}
