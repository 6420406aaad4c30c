package ma.hirfa.sdk.payments;

import static ma.hirfa.sdk.payments.Books.line;
import static ma.hirfa.sdk.payments.Books.mad;
import static ma.hirfa.sdk.payments.Books.payment;
import static ma.hirfa.sdk.payments.Books.payout;
import static ma.hirfa.sdk.payments.Books.refund;
import static ma.hirfa.sdk.payments.Books.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Reconciliation.Mismatch.Kind;
import org.junit.jupiter.api.Test;

/** The four reconciliation bugs of issue 14, each on a hand-made book. */
class ReconciliationRulesTest {
  private static final SettlementLineType PAYMENT = SettlementLineType.PAYMENT;
  private static final SettlementLineType REFUND = SettlementLineType.REFUND;

  private final Payment paid = payment("pay_1", mad(125_000), mad(12_500));
  private final SettlementLine paidLine = line(PAYMENT, "pay_1", mad(125_000), mad(12_500));

  @Test
  void aBalancedDayIsBalanced() {
    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(112_500), 1),
            List.of(paidLine),
            List.of(paid),
            List.of(),
            List.of());

    assertThat(r.balanced()).as(r.mismatches().toString()).isTrue();
    assertThat(r.matchedLines()).isEqualTo(1);
  }

  @Test
  void aPaymentTheBankBookedTwiceIsReported() {
    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(112_500), 1),
            List.of(paidLine),
            List.of(paid, paid),
            List.of(),
            List.of());

    assertThat(r.balanced()).isFalse();
    assertThat(r.mismatches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(Kind.DUPLICATE_IN_BANK);
              assertThat(m.referenceId()).isEqualTo("pay_1");
            });
  }

  @Test
  void aLineInAnotherCurrencyIsReportedAndTheRunGoesOn() {
    Payment second = payment("pay_2", mad(5_000), mad(500));
    SettlementLine euros =
        line(PAYMENT, "pay_2", Money.ofMinor(5_000, "EUR"), Money.ofMinor(500, "EUR"));

    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(112_500), 2),
            List.of(euros, paidLine),
            List.of(paid, second),
            List.of(),
            List.of());

    assertThat(r.mismatches()).extracting(m -> m.kind()).containsExactly(Kind.CURRENCY_DIFFERS);
    assertThat(r.matchedLines()).isEqualTo(1);
  }

  @Test
  void anOverflowingSumIsATotalMismatchNotAnException() {
    Payment big = payment("pay_big", mad(Long.MAX_VALUE), mad(0));
    SettlementLine bigLine = line(PAYMENT, "pay_big", mad(Long.MAX_VALUE), mad(0));

    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(112_500), 2),
            List.of(bigLine, paidLine),
            List.of(big, paid),
            List.of(),
            List.of());

    assertThat(r.mismatches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(Kind.TOTAL_DIFFERS);
              assertThat(m.expected()).isNull(); // the lines' net does not fit in a long
            });
  }

  @Test
  void aNegativeSumThatComesBackIntoRangeIsExact() {
    Refund r1 = refund("re_1", mad(Long.MAX_VALUE), RefundStatus.SUCCEEDED);
    Refund r2 = refund("re_2", mad(10), RefundStatus.SUCCEEDED);
    Payment p = payment("pay_2", mad(20), mad(0));
    List<SettlementLine> lines =
        List.of(
            line(REFUND, "re_1", mad(-Long.MAX_VALUE), mad(0)),
            line(REFUND, "re_2", mad(-10), mad(0)),
            line(PAYMENT, "pay_2", mad(20), mad(0)));

    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(-Long.MAX_VALUE + 10), 3),
            lines,
            List.of(p),
            List.of(r1, r2),
            List.of());

    assertThat(r.balanced()).as(r.mismatches().toString()).isTrue();
  }

  /** One rule for payments, refunds and payouts: a record that moved no money is not expected. */
  @Test
  void failedPaymentsRefundsAndPayoutsFollowOneRule() {
    Payment failed = payment("pay_failed", mad(0), mad(0));
    Refund failedRefund = refund("re_failed", mad(2_000), RefundStatus.FAILED);
    Payout failedPayout = payout("po_failed", mad(3_000), PayoutStatus.FAILED);

    ReconciliationReport none =
        Books.reconcile(
            settlement("MAD", mad(112_500), 1),
            List.of(paidLine),
            List.of(paid, failed),
            List.of(failedRefund),
            List.of(failedPayout));
    ReconciliationReport lines =
        Books.reconcile(
            settlement("MAD", mad(112_500 + 4_000 - 2_000 - 3_000), 4),
            List.of(
                paidLine,
                line(PAYMENT, "pay_failed", mad(4_000), mad(0)),
                line(REFUND, "re_failed", mad(-2_000), mad(0)),
                line(SettlementLineType.PAYOUT, "po_failed", mad(-3_000), mad(0))),
            List.of(paid, failed),
            List.of(failedRefund),
            List.of(failedPayout));

    assertThat(none.balanced()).as(none.mismatches().toString()).isTrue();
    assertThat(lines.mismatches())
        .extracting(m -> m.kind() + " " + m.referenceId())
        .containsExactly(
            "STATUS_DIFFERS pay_failed", "STATUS_DIFFERS re_failed", "STATUS_DIFFERS po_failed");
  }

  /**
   * Five million lines the bank does not know stream through with the heap flat: the report lists
   * the first 10,000 mismatches and counts the rest. Before, a set of every line's id grew with the
   * stream (hundreds of megabytes here).
   */
  @Test
  void memoryDoesNotGrowWithTheLines() {
    int n = 5_000_000;
    Runtime runtime = Runtime.getRuntime();
    long[] used = new long[2];
    Iterable<SettlementLine> lines =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < n;
              }

              @Override
              public SettlementLine next() {
                i++;
                if (i == 200_000 || i == n) {
                  System.gc();
                  used[i == n ? 1 : 0] = runtime.totalMemory() - runtime.freeMemory();
                }
                return line(PAYMENT, "pay_" + i, mad(100), mad(0));
              }
            };

    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(100L * n), n), lines, List.of(), List.of(), List.of());

    assertThat(r.mismatches()).hasSize(Reconciliation.MAX_LISTED);
    assertThat(r.unlistedMismatches()).isEqualTo(n - Reconciliation.MAX_LISTED);
    assertThat(used[1] - used[0]).as("heap growth over 4.8 million lines").isLessThan(64L << 20);
  }

  /** A settlement in a currency this Java runtime does not know is reconciled in minor units. */
  @Test
  void aDayInACurrencyThisRuntimeDoesNotKnowIsReconciledAndItsMismatchesSaidInMinorUnits() {
    Money captured = Money.fromWire(125_000, "QZX");
    Money fee = Money.fromWire(12_500, "QZX");
    Payment bank = payment("pay_1", captured.withAmountMinor(125_001), fee);

    ReconciliationReport r =
        Books.reconcile(
            settlement("QZX", captured.minus(fee), 1),
            List.of(line(PAYMENT, "pay_1", captured, fee)),
            List.of(bank),
            List.of(),
            List.of());

    assertThat(r.mismatches())
        .singleElement()
        .satisfies(m -> assertThat(m.detail()).isEqualTo("differs by -1 minor units of QZX"));
  }

  @Test
  void aLineOfATypeNewerThanTheSdkIsReportedWithTheTypeTheApiSent() {
    SettlementLine adjustment =
        new SettlementLine(
            "stl_adj", "fx_adjustment", "adj_1", mad(100), mad(0), mad(100), Books.AT);

    ReconciliationReport r =
        Books.reconcile(
            settlement("MAD", mad(112_600), 2),
            List.of(paidLine, adjustment),
            List.of(paid),
            List.of(),
            List.of());

    assertThat(r.mismatches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(Kind.UNKNOWN_LINE_TYPE);
              assertThat(m.detail()).contains("'fx_adjustment'");
            });
  }
}
