package ma.hirfa.sdk.payments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import ma.hirfa.sdk.core.internal.log.Redactor;
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
 * <h2>The rules</h2>
 *
 * <ul>
 *   <li>One rule for every type: a record that moved money (a payment with something captured, a
 *       refund that succeeded, a paid payout) in the settlement's currency is expected in it; a
 *       record that moved none is not, and a line for it is {@code STATUS_DIFFERS}.
 *   <li>A payment line carries the captured amount and the platform fee; a refund or payout line
 *       its amount, negative. Every line's net is its amount minus its fee.
 *   <li>A record the bank lists twice is {@code DUPLICATE_IN_BANK}; a line naming a record a second
 *       time is {@code DUPLICATE_LINE}; a line the bank does not know is {@code MISSING_FROM_BANK}
 *       (each time it appears: telling repeats of unknown lines apart would cost memory per line);
 *       a record no line names is {@code MISSING_FROM_SETTLEMENT}.
 *   <li>A line in another currency is {@code CURRENCY_DIFFERS} and left out of the total; it never
 *       aborts the run. Totals are summed exactly: no sum overflows or throws.
 *   <li>The lines' net must add up to the settlement's net, and their number to its line count
 *       ({@code TOTAL_DIFFERS}).
 * </ul>
 *
 * <h2>Memory</h2>
 *
 * Lines are read once, as they stream. What is kept grows with the bank's records (one entry each)
 * and with the mismatches reported, of which the first {@value #MAX_LISTED} are listed and the rest
 * counted ({@link ReconciliationReport#unlistedMismatches()}); nothing grows with the lines that
 * match.
 */
public final class Reconciliation {
  /** How many mismatches a report lists; the rest are counted. */
  public static final int MAX_LISTED = 10_000;

  private Reconciliation() {}

  public static ReconciliationReport reconcile(
      Settlement settlement,
      Iterable<SettlementLine> lines,
      Collection<Payment> payments,
      Collection<Refund> refunds,
      Collection<Payout> payouts) {
    Objects.requireNonNull(settlement, "settlement == null");
    Objects.requireNonNull(lines, "lines == null");
    BankBook book = new BankBook(payments, refunds, payouts);
    Findings found = new Findings();
    String currency = settlement.currency();
    for (BankBook.Entry e : book.duplicated) {
      found.add(
          Mismatch.Kind.DUPLICATE_IN_BANK,
          e.id,
          null,
          e.amount,
          "the bank's records hold it " + e.copies + " times");
    }
    ExactSum net = new ExactSum();
    long count = 0;
    int matched = 0;
    for (SettlementLine line : lines) {
      count++;
      int before = found.total;
      BankBook.Entry entry = book.find(line.type(), line.referenceId());
      boolean repeated = entry != null && ++entry.lines > 1;
      if (!inCurrency(line, currency)) {
        found.add(
            Mismatch.Kind.CURRENCY_DIFFERS,
            line.referenceId(),
            null,
            line.amount(),
            "a line in " + lineCurrencies(line) + " in a " + currency + " settlement");
        continue;
      }
      net.add(line.net().amountMinor());
      if (repeated) {
        found.add(
            Mismatch.Kind.DUPLICATE_LINE,
            line.referenceId(),
            null,
            line.amount(),
            "the settlement lists it twice");
        continue;
      }
      checkNet(found, line);
      if (line.type() == SettlementLineType.UNKNOWN) {
        found.add(
            Mismatch.Kind.UNKNOWN_LINE_TYPE,
            line.referenceId(),
            null,
            line.amount(),
            "a line type this SDK does not know: " + Redactor.quote(line.typeAsString()));
      } else if (entry == null) {
        found.add(
            Mismatch.Kind.MISSING_FROM_BANK,
            line.referenceId(),
            null,
            line.amount(),
            "the settlement has it; the bank has no record");
      } else if (!entry.movedMoney) {
        found.add(
            Mismatch.Kind.STATUS_DIFFERS,
            line.referenceId(),
            null,
            line.amount(),
            "the bank records it as moving no money; the settlement moved some");
      } else {
        compare(
            found, Mismatch.Kind.AMOUNT_DIFFERS, line.referenceId(), entry.amount, line.amount());
        compare(found, Mismatch.Kind.FEE_DIFFERS, line.referenceId(), entry.fee, line.fee());
      }
      if (found.total == before) {
        matched++;
      }
    }
    List<BankBook.Entry> unsettled = new ArrayList<>();
    for (BankBook.Entry e : book.all()) {
      if (e.lines == 0 && e.movedMoney && e.amount.currencyCode().equals(currency)) {
        unsettled.add(e);
      }
    }
    unsettled.sort(Comparator.comparing(e -> e.id));
    for (BankBook.Entry e : unsettled) {
      found.add(
          Mismatch.Kind.MISSING_FROM_SETTLEMENT,
          e.id,
          e.amount,
          null,
          "the bank recorded it; the settlement has no line");
    }
    checkTotals(found, settlement, net, count);
    return new ReconciliationReport(settlement.id(), matched, found.listed, found.unlisted());
  }

  private static boolean inCurrency(SettlementLine line, String currency) {
    return line.amount().currencyCode().equals(currency)
        && line.fee().currencyCode().equals(currency)
        && line.net().currencyCode().equals(currency);
  }

  private static String lineCurrencies(SettlementLine line) {
    String a = line.amount().currencyCode();
    String f = line.fee().currencyCode();
    String n = line.net().currencyCode();
    return a.equals(f) && f.equals(n) ? a : a + "/" + f + "/" + n;
  }

  /** Net must be amount minus fee, computed without overflow. */
  private static void checkNet(Findings found, SettlementLine line) {
    long amount = line.amount().amountMinor();
    long fee = line.fee().amountMinor();
    long expected;
    try {
      expected = Math.subtractExact(amount, fee);
    } catch (ArithmeticException e) {
      found.add(
          Mismatch.Kind.NET_DIFFERS,
          line.referenceId(),
          null,
          line.net(),
          "amount minus fee overflows");
      return;
    }
    if (expected != line.net().amountMinor()) {
      found.add(
          Mismatch.Kind.NET_DIFFERS,
          line.referenceId(),
          line.net().withAmountMinor(expected),
          line.net(),
          "net is not amount minus fee");
    }
  }

  private static void checkTotals(Findings found, Settlement settlement, ExactSum net, long count) {
    Money announced = settlement.net();
    if (!announced.currencyCode().equals(settlement.currency())) {
      found.add(
          Mismatch.Kind.TOTAL_DIFFERS,
          settlement.id(),
          null,
          announced,
          "the settlement's net is in " + announced.currencyCode());
    } else if (!net.equals(announced.amountMinor())) {
      Money sum = net.fitsInLong() ? announced.withAmountMinor(net.longValue()) : null;
      found.add(
          Mismatch.Kind.TOTAL_DIFFERS,
          settlement.id(),
          sum,
          announced,
          sum == null
              ? "the lines' net (" + net + " minor units) does not add up to the settlement's"
              : "the lines' net does not add up to the settlement's");
    }
    if (count != settlement.lineCount()) {
      found.add(
          Mismatch.Kind.TOTAL_DIFFERS,
          settlement.id(),
          null,
          null,
          count + " lines streamed, " + settlement.lineCount() + " announced");
    }
  }

  private static void compare(
      Findings found, Mismatch.Kind kind, String id, Money expected, Money actual) {
    if (!expected.equals(actual)) {
      found.add(kind, id, expected, actual, "differs by " + difference(expected, actual));
    }
  }

  private static String difference(Money expected, Money actual) {
    if (!expected.currencyCode().equals(actual.currencyCode())) {
      return "currency (" + expected.currencyCode() + " vs " + actual.currencyCode() + ")";
    }
    BigInteger d =
        BigInteger.valueOf(actual.amountMinor())
            .subtract(BigInteger.valueOf(expected.amountMinor()));
    Optional<Currency> currency = expected.currency();
    if (currency.isEmpty()) {
      return d + " minor units of " + expected.currencyCode();
    }
    return new BigDecimal(d, currency.get().getDefaultFractionDigits()).toPlainString()
        + " "
        + expected.currencyCode();
  }

  /** The mismatches found: the first {@link #MAX_LISTED} kept, all counted. */
  private static final class Findings {
    final List<Mismatch> listed = new ArrayList<>();
    int total;

    void add(
        Mismatch.Kind kind,
        String id,
        @Nullable Money expected,
        @Nullable Money actual,
        String detail) {
      total++;
      if (listed.size() < MAX_LISTED) {
        listed.add(new Mismatch(kind, id, expected, actual, detail));
      }
    }

    int unlisted() {
      return total - listed.size();
    }
  }

  /** A sum of longs that cannot overflow: a long until it would, then a BigInteger. */
  private static final class ExactSum {
    private long small;
    private @Nullable BigInteger big;

    void add(long v) {
      if (big == null) {
        long r = small + v;
        // Overflow iff both operands have the same sign and the result's sign differs.
        if (((small ^ r) & (v ^ r)) >= 0) {
          small = r;
          return;
        }
        big = BigInteger.valueOf(small);
      }
      big = big.add(BigInteger.valueOf(v));
    }

    boolean fitsInLong() {
      return big == null || big.bitLength() < 64;
    }

    long longValue() {
      return big == null ? small : big.longValueExact();
    }

    boolean equals(long v) {
      return big == null ? small == v : big.equals(BigInteger.valueOf(v));
    }

    @Override
    public String toString() {
      return big == null ? Long.toString(small) : big.toString();
    }
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
      TOTAL_DIFFERS,
      /** The bank's own records list the same payment, refund or payout more than once. */
      DUPLICATE_IN_BANK,
      /**
       * The settlement moved money for a record the bank holds as failed, pending or uncaptured.
       */
      STATUS_DIFFERS,
      /** A line's amount, fee or net is not in the settlement's currency. */
      CURRENCY_DIFFERS
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }
}
