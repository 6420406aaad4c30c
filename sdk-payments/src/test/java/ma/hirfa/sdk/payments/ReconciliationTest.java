package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  Sandbox sandbox;
  PaymentsClient client;
  final List<Payment> payments = new ArrayList<>();
  final List<Refund> refunds = new ArrayList<>();
  Settlement day;

  @BeforeEach
  void aDayOfActivity() {
    sandbox =
        Sandbox.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC))
            .start();
    client = PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
    for (String amount : List.of("1250.00", "89.90", "4310.55")) {
      payments.add(
          client
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(Money.parse(amount, "MAD"))
                      .orderReference("ORD-rec-" + amount)
                      .artisanId("art_7QK2M9")
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build()));
    }
    refunds.add(
        client
            .refunds()
            .create(RefundCreateParams.partial(payments.get(0), Money.parse("25.00", "MAD"))));
    sandbox.clock().advance(Duration.ofDays(1));
    day = client.settlements().get("st_20261129MAD");
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private ReconciliationReport reconcile(List<Payment> bankPayments, List<Refund> bankRefunds) {
    try (Stream<SettlementLine> lines = client.settlements().lines(day.id())) {
      return Reconciliation.reconcile(day, lines::iterator, bankPayments, bankRefunds, List.of());
    }
  }

  @Test
  void theBanksRecordsReconcileToTheCentime() {
    ReconciliationReport report = reconcile(payments, refunds);

    assertThat(report.balanced()).as(report.mismatches().toString()).isTrue();
    assertThat(report.matchedLines()).isEqualTo(4);
  }

  @Test
  void aPlantedOneCentimeMismatchIsFound() {
    Refund r = refunds.get(0);
    List<Refund> bank =
        List.of(
            new Refund(
                r.id(),
                r.paymentId(),
                Money.parse("25.01", "MAD"),
                r.statusAsString(),
                r.reason(),
                r.createdAt()));

    ReconciliationReport report = reconcile(payments, bank);

    assertThat(report.mismatches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(Reconciliation.Mismatch.Kind.AMOUNT_DIFFERS);
              assertThat(m.referenceId()).isEqualTo(r.id());
              assertThat(m.detail()).isEqualTo("differs by 0.01 MAD");
            });
  }

  @Test
  void linesTheBankLacksAndRecordsTheSettlementLacksAreBothReported() {
    Payment unknownToSettlement = payments.get(1);
    List<Payment> bank = new ArrayList<>(payments.subList(1, 3));
    bank.set(
        0,
        new Payment(
            "pay_NotInTheSettlement",
            unknownToSettlement.amount(),
            unknownToSettlement.amountCaptured(),
            unknownToSettlement.amountRefunded(),
            unknownToSettlement.statusAsString(),
            unknownToSettlement.captureMethodAsString(),
            unknownToSettlement.method(),
            unknownToSettlement.orderReference(),
            unknownToSettlement.artisanId(),
            unknownToSettlement.feeSplit(),
            null,
            null,
            null,
            null,
            null,
            java.util.Map.of(),
            unknownToSettlement.createdAt(),
            unknownToSettlement.updatedAt(),
            false));

    ReconciliationReport report = reconcile(bank, refunds);

    assertThat(report.mismatches())
        .extracting(Reconciliation.Mismatch::kind)
        .containsExactlyInAnyOrder(
            Reconciliation.Mismatch.Kind.MISSING_FROM_BANK,
            Reconciliation.Mismatch.Kind.MISSING_FROM_BANK,
            Reconciliation.Mismatch.Kind.MISSING_FROM_SETTLEMENT);
  }
}
