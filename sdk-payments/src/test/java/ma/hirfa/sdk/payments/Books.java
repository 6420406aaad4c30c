package ma.hirfa.sdk.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.Money;

/** Hand-made bank records, settlement lines and settlements for reconciliation tests. */
final class Books {
  static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  private Books() {}

  static Money mad(long minor) {
    return Money.ofMinor(minor, "MAD");
  }

  /** A payment with {@code captured} minor units captured and {@code fee} of platform fee. */
  static Payment payment(String id, Money captured, Money fee) {
    PaymentStatus status = captured.isPositive() ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED;
    return new Payment(
        id,
        captured.isPositive() ? captured : captured.withAmountMinor(10_000),
        captured,
        captured.withAmountMinor(0),
        status.wireValue(),
        CaptureMethod.AUTOMATIC.wireValue(),
        new PaymentMethodDetails(PaymentMethodType.CARD.wireValue(), "visa", "4242", null),
        "ORD-" + id,
        "art_7QK2M9",
        new FeeSplit(fee, captured),
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        AT,
        AT,
        false);
  }

  static Refund refund(String id, Money amount, RefundStatus status) {
    return new Refund(id, "pay_x", amount, status.wireValue(), null, AT);
  }

  static Payout payout(String id, Money amount, PayoutStatus status) {
    return new Payout(
        id,
        "art_7QK2M9",
        amount,
        status.wireValue(),
        new Payout.Destination(PayoutDestinationType.RIB.wireValue(), "4921"),
        null,
        null,
        AT);
  }

  static SettlementLine line(SettlementLineType type, String ref, Money amount, Money fee) {
    return line(type, ref, amount, fee, amount.minus(fee));
  }

  static SettlementLine line(
      SettlementLineType type, String ref, Money amount, Money fee, Money net) {
    return new SettlementLine("stl_" + ref, type.wireValue(), ref, amount, fee, net, AT);
  }

  static Settlement settlement(String currency, Money net, int lineCount) {
    Money zero = Money.fromWire(0, currency);
    return new Settlement(
        "st_20261129" + currency,
        LocalDate.of(2026, 11, 29),
        currency,
        SettlementStatus.AVAILABLE.wireValue(),
        zero,
        zero,
        zero,
        zero,
        net,
        lineCount);
  }

  static ReconciliationReport reconcile(
      Settlement s,
      Iterable<SettlementLine> lines,
      List<Payment> payments,
      List<Refund> refunds,
      List<Payout> payouts) {
    return Reconciliation.reconcile(s, lines, payments, refunds, payouts);
  }
}
