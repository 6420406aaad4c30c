package ma.hirfa.sdk.payments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.hirfa.sdk.core.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a day's settlement with what the bank recorded, to the centime.
 *
 * <pre>{@code
 * Settlement day = client.settlements().get("st_20261129MAD");
 * ReconciliationReport report;
 * try (Stream<SettlementLine> lines = client.settlements().lines(day.id())) {
 *   report = Reconciliation.reconcile(day, lines::iterator, myPayments, myRefunds, myPayouts);
 * }
 * report.mismatches().forEach(m -> alert(m));
 * }</pre>
 *
 * <p>Each line is compared with the bank's record of the same object: a payment line with the
 * captured amount and the platform fee, a refund or payout line with its (negative) amount. Failed
 * refunds and payouts that are not {@code paid} are left out: they moved no money. Lines the bank
 * does not know, records the settlement lacks, duplicated lines, and a settlement whose totals
 * differ from the sum of its lines are all reported. Lines are read once, as they stream; memory
 * grows with the bank's records only.
 */
public final class Reconciliation {
  private Reconciliation() {}

  public static ReconciliationReport reconcile(
      Settlement settlement,
      Iterable<SettlementLine> lines,
      Collection<Payment> payments,
      Collection<Refund> refunds,
      Collection<Payout> payouts) {
    Objects.requireNonNull(settlement, "settlement == null");
    Map<String, Payment> paymentsById = index(payments, Payment::id);
    // Only movements of money settle: a failed refund or a payout not paid has no line.
    Map<String, Refund> refundsById =
        index(
            refunds.stream().filter(r -> r.status() == RefundStatus.SUCCEEDED).toList(),
            Refund::id);
    Map<String, Payout> payoutsById =
        index(payouts.stream().filter(p -> p.status() == PayoutStatus.PAID).toList(), Payout::id);
    Set<String> seen = new HashSet<>();
    List<Mismatch> mismatches = new ArrayList<>();
    Money net = Money.zero(settlement.currency());
    int matched = 0;
    int count = 0;
    for (SettlementLine line : lines) {
      count++;
      net = net.plus(line.net());
      if (!seen.add(line.referenceId())) {
        mismatches.add(
            new Mismatch(
                Mismatch.Kind.DUPLICATE_LINE,
                line.referenceId(),
                null,
                line.amount(),
                "the settlement lists it twice"));
        continue;
      }
      if (!line.net().equals(line.amount().minus(line.fee()))) {
        mismatches.add(
            new Mismatch(
                Mismatch.Kind.NET_DIFFERS,
                line.referenceId(),
                line.amount().minus(line.fee()),
                line.net(),
                "net is not amount minus fee"));
      }
      int before = mismatches.size();
      switch (line.type()) {
        case PAYMENT -> {
          Payment p = paymentsById.get(line.referenceId());
          if (p == null) {
            mismatches.add(missingFromBank(line));
          } else {
            compare(
                mismatches,
                Mismatch.Kind.AMOUNT_DIFFERS,
                line.referenceId(),
                p.amountCaptured(),
                line.amount());
            compare(
                mismatches,
                Mismatch.Kind.FEE_DIFFERS,
                line.referenceId(),
                p.feeSplit().platformFee(),
                line.fee());
          }
        }
        case REFUND -> {
          Refund r = refundsById.get(line.referenceId());
          expectOutflow(mismatches, line, r == null ? null : r.amount());
        }
        case PAYOUT -> {
          Payout po = payoutsById.get(line.referenceId());
          expectOutflow(mismatches, line, po == null ? null : po.amount());
        }
        default ->
            mismatches.add(
                new Mismatch(
                    Mismatch.Kind.UNKNOWN_LINE_TYPE,
                    line.referenceId(),
                    null,
                    line.amount(),
                    "a line type this SDK does not know"));
      }
      if (mismatches.size() == before) {
        matched++;
      }
    }
    for (String id : union(paymentsById.keySet(), refundsById.keySet(), payoutsById.keySet())) {
      if (!seen.contains(id)) {
        mismatches.add(
            new Mismatch(
                Mismatch.Kind.MISSING_FROM_SETTLEMENT,
                id,
                null,
                null,
                "the bank recorded it; the settlement has no line"));
      }
    }
    if (!net.equals(settlement.net())) {
      mismatches.add(
          new Mismatch(
              Mismatch.Kind.TOTAL_DIFFERS,
              settlement.id(),
              net,
              settlement.net(),
              "the lines' net does not add up to the settlement's"));
    }
    if (count != settlement.lineCount()) {
      mismatches.add(
          new Mismatch(
              Mismatch.Kind.TOTAL_DIFFERS,
              settlement.id(),
              null,
              null,
              count + " lines streamed, " + settlement.lineCount() + " announced"));
    }
    return new ReconciliationReport(settlement.id(), matched, mismatches);
  }

  /** A refund or payout line takes {@code recorded} out of the settlement (a negative amount). */
  private static void expectOutflow(
      List<Mismatch> out, SettlementLine line, @Nullable Money recorded) {
    if (recorded == null) {
      out.add(missingFromBank(line));
    } else {
      compare(
          out, Mismatch.Kind.AMOUNT_DIFFERS, line.referenceId(), recorded.negate(), line.amount());
    }
  }

  private static Mismatch missingFromBank(SettlementLine line) {
    return new Mismatch(
        Mismatch.Kind.MISSING_FROM_BANK,
        line.referenceId(),
        null,
        line.amount(),
        "the settlement has it; the bank has no record");
  }

  private static void compare(
      List<Mismatch> out, Mismatch.Kind kind, String id, Money expected, Money actual) {
    if (!expected.equals(actual)) {
      out.add(
          new Mismatch(kind, id, expected, actual, "differs by " + difference(expected, actual)));
    }
  }

  private static String difference(Money expected, Money actual) {
    return expected.currencyCode().equals(actual.currencyCode())
        ? actual.minus(expected).toString()
        : "currency (" + expected.currencyCode() + " vs " + actual.currencyCode() + ")";
  }

  private static <T> Map<String, T> index(
      Collection<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> out = new HashMap<>();
    for (T item : Objects.requireNonNull(items, "records == null")) {
      out.put(id.apply(item), item);
    }
    return out;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> out = new java.util.TreeSet<>();
    for (Set<String> s : sets) {
      out.addAll(s);
    }
    return out;
  }

  /** One line (or total) that does not match the bank's records. */
  public record Mismatch(
      Kind kind,
      String referenceId,
      @Nullable Money expected,
      @Nullable Money actual,
      String detail) {
    /** What does not match. */
    public enum Kind {
      AMOUNT_DIFFERS,
      FEE_DIFFERS,
      NET_DIFFERS,
      MISSING_FROM_BANK,
      MISSING_FROM_SETTLEMENT,
      DUPLICATE_LINE,
      UNKNOWN_LINE_TYPE,
      TOTAL_DIFFERS
    }
  }
}
