package ma.hirfa.sdk.payments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.Money;
import org.jspecify.annotations.Nullable;

/**
 * The bank's own records for one reconciliation, indexed by type and id: the only state that grows
 * with the input (one entry per record, none per settlement line).
 */
final class BankBook {
  /** One record of the bank, how many times the bank listed it and how many lines named it. */
  static final class Entry {
    final String id;
    final boolean movedMoney;

    /** What the line must carry: the captured amount, or the refund's or payout's outflow. */
    final Money amount;

    /** The platform fee a payment line must carry; zero for refunds and payouts. */
    final Money fee;

    int copies = 1;
    int lines;

    Entry(String id, boolean movedMoney, Money amount, Money fee) {
      this.id = id;
      this.movedMoney = movedMoney;
      this.amount = amount;
      this.fee = fee;
    }
  }

  private final Map<String, Entry> payments = new HashMap<>();
  private final Map<String, Entry> refunds = new HashMap<>();
  private final Map<String, Entry> payouts = new HashMap<>();

  /** Entries the bank listed more than once, in the order it listed their first copy. */
  final List<Entry> duplicated = new ArrayList<>();

  /**
   * Indexes the records. The one rule for every type: a record that moved no money (a payment with
   * nothing captured, a refund that did not succeed, a payout not paid) is known but not expected
   * in a settlement.
   */
  BankBook(Collection<Payment> p, Collection<Refund> r, Collection<Payout> po) {
    for (Payment x : Objects.requireNonNull(p, "payments == null")) {
      add(
          payments,
          new Entry(
              x.id(),
              x.amountCaptured().isPositive(),
              x.amountCaptured(),
              x.feeSplit().platformFee()));
    }
    for (Refund x : Objects.requireNonNull(r, "refunds == null")) {
      add(
          refunds,
          new Entry(
              x.id(),
              x.status() == RefundStatus.SUCCEEDED,
              outflow(x.amount()),
              Money.zero(x.amount().currencyCode())));
    }
    for (Payout x : Objects.requireNonNull(po, "payouts == null")) {
      add(
          payouts,
          new Entry(
              x.id(),
              x.status() == PayoutStatus.PAID,
              outflow(x.amount()),
              Money.zero(x.amount().currencyCode())));
    }
  }

  /** A refund or payout takes its amount out of the settlement: a negative line. */
  private static Money outflow(Money amount) {
    return amount.amountMinor() == Long.MIN_VALUE ? amount : amount.negate();
  }

  private void add(Map<String, Entry> index, Entry e) {
    Entry first = index.putIfAbsent(e.id, e);
    if (first != null) {
      if (first.copies++ == 1) {
        duplicated.add(first);
      }
    }
  }

  /** The record a line names, or null if the bank has none of that type and id. */
  @Nullable Entry find(SettlementLineType type, String id) {
    return switch (type) {
      case PAYMENT -> payments.get(id);
      case REFUND -> refunds.get(id);
      case PAYOUT -> payouts.get(id);
      default -> null;
    };
  }

  /** Every record, for the ones no line named. */
  List<Entry> all() {
    List<Entry> out = new ArrayList<>(payments.size() + refunds.size() + payouts.size());
    out.addAll(payments.values());
    out.addAll(refunds.values());
    out.addAll(payouts.values());
    return out;
  }
}
