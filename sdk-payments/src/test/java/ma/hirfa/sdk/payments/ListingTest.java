package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list operations the contract has: one page and the next by its cursor, webhook endpoints and
 * their delivery log, settlements of every day.
 */
class ListingTest {
  Sandbox sandbox;
  PaymentsClient client;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    client = PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  Payment pay(String order) {
    return client
        .payments()
        .create(
            PaymentCreateParams.builder()
                .amount(Money.parse("100.00", "MAD"))
                .orderReference(order)
                .artisanId("art_7QK2M9")
                .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                .build());
  }

  @Test
  void onePageThenTheNextFromItsCursorWalkEveryPaymentOnce() {
    for (int i = 0; i < 5; i++) {
      pay("ORD-page");
    }
    PaymentListParams.Builder params = PaymentListParams.builder().orderReference("ORD-page");

    Page<Payment> first = client.payments().list(params.limit(2).build());
    Page<Payment> second = client.payments().list(params.cursor(first.nextCursor()).build());
    Page<Payment> rest = client.payments().list(params.cursor(second.nextCursor()).build());

    assertThat(first.data()).hasSize(2);
    assertThat(first.hasMore()).isTrue();
    assertThat(rest.hasMore()).isFalse();
    List<String> paged =
        java.util.stream.Stream.of(first, second, rest)
            .flatMap(p -> p.data().stream())
            .map(Payment::id)
            .toList();
    List<String> walked =
        client
            .payments()
            .listAutoPaging(PaymentListParams.builder().orderReference("ORD-page").build())
            .stream()
            .map(Payment::id)
            .toList();
    assertThat(paged).hasSize(5).doesNotHaveDuplicates().isEqualTo(walked);
    assertThat(
            client
                .payments()
                .listAutoPaging(
                    PaymentListParams.builder()
                        .orderReference("ORD-page")
                        .cursor(first.nextCursor())
                        .build())
                .stream()
                .map(Payment::id)
                .toList())
        .as("an auto-pager started at a cursor")
        .isEqualTo(paged.subList(2, 5));
  }

  @Test
  void webhookEndpointsAreListedWithoutTheirSecrets() {
    WebhookEndpoint a =
        client
            .webhookEndpoints()
            .create(WebhookEndpointCreateParams.allEvents("http://127.0.0.1:9/a"));
    WebhookEndpoint b =
        client
            .webhookEndpoints()
            .create(
                WebhookEndpointCreateParams.builder()
                    .url("http://127.0.0.1:9/b")
                    .event("refund.succeeded")
                    .build());

    List<WebhookEndpoint> all =
        client
            .webhookEndpoints()
            .listAutoPaging(WebhookEndpointListParams.builder().limit(1).build())
            .stream()
            .toList();

    assertThat(all).extracting(WebhookEndpoint::id).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(all).allSatisfy(e -> assertThat(e.secret()).isNull());
    assertThat(all)
        .filteredOn(e -> e.id().equals(b.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.events()).containsExactly("refund.succeeded"));
  }

  @Test
  void anEndpointsDeliveryLogShowsEachEventWithItsAttempts() throws Exception {
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
    try {
      WebhookEndpoint endpoint =
          client
              .webhookEndpoints()
              .create(
                  WebhookEndpointCreateParams.builder()
                      .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")
                      .event("payment.succeeded")
                      .build());
      Payment paid = pay("ORD-log");

      Supplier<List<WebhookDelivery>> log =
          () ->
              client
                  .webhookEndpoints()
                  .listDeliveries(endpoint.id(), WebhookDeliveryListParams.defaults())
                  .data();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline
          && log.get().stream().noneMatch(d -> d.status() == WebhookDeliveryStatus.SUCCEEDED)) {
        Thread.sleep(20);
      }

      assertThat(log.get())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.eventType()).isEqualTo("payment.succeeded");
                assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastResponseStatus()).isEqualTo(204);
                assertThat(d.lastAttemptAt()).isNotNull();
                assertThat(d.webhookId()).isNotBlank();
              });
      assertThat(
              client
                  .webhookEndpoints()
                  .listDeliveriesAutoPaging(endpoint.id(), WebhookDeliveryListParams.defaults())
                  .stream()
                  .count())
          .isEqualTo(1);
      assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void settlementsArePagedAcrossDaysNotOnlyForOneDate() {
    LocalDate day1 = LocalDate.ofInstant(sandbox.clock().instant(), ZoneOffset.UTC);
    pay("ORD-day1");
    sandbox.clock().advance(Duration.ofDays(1));
    pay("ORD-day2");
    sandbox.clock().advance(Duration.ofDays(1));
    pay("ORD-day3");

    Page<Settlement> first =
        client.settlements().list(SettlementListParams.builder().limit(1).build());
    List<LocalDate> days =
        client
            .settlements()
            .listAutoPaging(SettlementListParams.builder().limit(1).build())
            .stream()
            .map(Settlement::date)
            .toList();
    List<Settlement> oneDay =
        client
            .settlements()
            .list(SettlementListParams.builder().date(day1.plusDays(1)).build())
            .data();

    assertThat(first.data()).hasSize(1);
    assertThat(first.hasMore()).isTrue();
    assertThat(days).containsExactlyInAnyOrder(day1, day1.plusDays(1), day1.plusDays(2));
    assertThat(oneDay)
        .singleElement()
        .satisfies(s -> assertThat(s.date()).isEqualTo(day1.plusDays(1)));
  }
}
