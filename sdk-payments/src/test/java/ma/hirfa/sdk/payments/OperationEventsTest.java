package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.testkit.Sandbox;
import ma.hirfa.sdk.testkit.server.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every request of the payments client is built from a contract operation: one call of every
 * operation against the sandbox, and every event a {@link CallListener} sees names a {@code
 * operationId} of {@code docs/openapi/payments.yaml} and its path template, never a path with ids.
 */
class OperationEventsTest {
  private static final Pattern ID =
      Pattern.compile("\\b(pay|re|po|st|stl|we|whd|art)_[A-Za-z0-9]+");

  /** What a listener saw: operation, method (null for an attempt start) and template. */
  record Seen(String kind, String operation, String method, String template) {}

  static final class Recorder implements CallListener {
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Override
    public void callStarted(CallStart c) {
      seen.add(new Seen("callStarted", c.operation(), c.method(), c.urlTemplate()));
    }

    @Override
    public void attemptStarted(AttemptStart a, BiConsumer<String, String> headers) {
      seen.add(new Seen("attemptStarted", a.operation(), "", ""));
    }

    @Override
    public void attemptFinished(AttemptEvent e) {
      seen.add(new Seen("attemptFinished", e.operation(), e.method(), e.urlTemplate()));
    }

    @Override
    public void callFinished(CallEvent e) {
      seen.add(new Seen("callFinished", e.operation(), e.method(), e.urlTemplate()));
    }
  }

  @Test
  void everyOperationIsCalledByItsContractIdAndTemplateAndNoEventCarriesAnId() {
    Map<String, String> contract = OpenApiContract.operations("payments.yaml");
    Recorder recorder = new Recorder();
    List<String> ids = new ArrayList<>();
    try (Sandbox sandbox =
            Sandbox.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC))
                .start();
        PaymentsClient client =
            PaymentsClient.builder()
                .apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .configure(o -> o.addListener(recorder))
                .build()) {
      OperationCalls.callEveryOperation(client, sandbox, ids);
    }

    assertThat(recorder.seen).isNotEmpty();
    Set<String> called = new TreeSet<>();
    for (Seen s : recorder.seen) {
      assertThat(contract).as("%s: a contract operationId", s).containsKey(s.operation());
      called.add(s.operation());
      if (!s.kind().equals("attemptStarted")) {
        assertThat(s.method() + " " + s.template())
            .as("%s: the contract's method and path", s)
            .isEqualTo(contract.get(s.operation()));
        assertThat(ID.matcher(s.template()).find()).as("%s: an id in the template", s).isFalse();
        for (String id : ids) {
          assertThat(s.template()).as("%s", s).doesNotContain(id);
        }
      }
    }
    assertThat(called).as("operations called").isEqualTo(contract.keySet());
  }

  /** One call of every operation of the contract, through the public API. */
  static final class OperationCalls {
    private OperationCalls() {}

    static void callEveryOperation(PaymentsClient client, Sandbox sandbox, List<String> ids) {
      Payment paid = client.payments().create(payment("ORD-ops-1", CaptureMethod.AUTOMATIC));
      ids.add(paid.id());
      client.payments().get(paid.id());
      client.payments().list(PaymentListParams.defaults());
      Payment held = client.payments().create(payment("ORD-ops-2", CaptureMethod.MANUAL));
      ids.add(held.id());
      client.payments().capture(held.id(), PaymentCaptureParams.full());
      Payment unwanted = client.payments().create(payment("ORD-ops-3", CaptureMethod.MANUAL));
      ids.add(unwanted.id());
      client.payments().cancel(unwanted.id());

      Refund refund =
          client
              .refunds()
              .create(RefundCreateParams.partial(paid.id(), Money.parse("1.00", "MAD")));
      ids.add(refund.id());
      client.refunds().get(refund.id());
      client.refunds().list(RefundListParams.builder().paymentId(paid.id()).build());

      Payout payout =
          client
              .payouts()
              .create(
                  PayoutCreateParams.of(
                      "art_7QK2M9",
                      Money.parse("10.00", "MAD"),
                      PayoutDestination.rib("011519000001205000534921")));
      ids.add(payout.id());
      client.payouts().get(payout.id());
      client.payouts().list(PayoutListParams.defaults());

      LocalDate day = LocalDate.ofInstant(sandbox.clock().instant(), ZoneOffset.UTC);
      Settlement settlement =
          client.settlements().list(SettlementListParams.builder().date(day).build()).data().get(0);
      ids.add(settlement.id());
      client.settlements().get(settlement.id());
      try (Stream<SettlementLine> lines = client.settlements().lines(settlement.id())) {
        assertThat(lines.count()).isPositive();
      }

      WebhookEndpoint endpoint =
          client
              .webhookEndpoints()
              .create(WebhookEndpointCreateParams.allEvents("http://127.0.0.1:9/hooks"));
      ids.add(endpoint.id());
      client.webhookEndpoints().list(WebhookEndpointListParams.defaults());
      client.webhookEndpoints().listDeliveries(endpoint.id(), WebhookDeliveryListParams.defaults());
    }

    static PaymentCreateParams payment(String order, CaptureMethod capture) {
      return PaymentCreateParams.builder()
          .amount(Money.parse("100.00", "MAD"))
          .orderReference(order)
          .artisanId("art_7QK2M9")
          .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
          .captureMethod(capture)
          .build();
    }
  }
}
