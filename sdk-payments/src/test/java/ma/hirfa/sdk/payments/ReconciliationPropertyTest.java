package ma.hirfa.sdk.payments;

import static ma.hirfa.sdk.payments.Books.line;
import static ma.hirfa.sdk.payments.Books.payment;
import static ma.hirfa.sdk.payments.Books.payout;
import static ma.hirfa.sdk.payments.Books.refund;
import static ma.hirfa.sdk.payments.Books.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded bank books (captured and uncaptured payments, refunds and payouts in every status, some in
 * euros, some booked twice, amounts up to {@code Long.MAX_VALUE}) and settlement lines drawn from
 * them with faults (lines dropped, repeated, off by a centime, in another currency, for unknown or
 * failed records, of unknown type, with a wrong net; totals that overflow or are wrong). {@link
 * Reconciliation} must report exactly what {@link #expected}, a second implementation written from
 * the rules in its Javadoc with every line held in memory, reports.
 */
class ReconciliationPropertyTest {
  private static final SettlementLineType[] TYPES = {
    SettlementLineType.PAYMENT, SettlementLineType.REFUND, SettlementLineType.PAYOUT
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void theReportIsWhatTheRulesSay(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      Day day = day(random);

      ReconciliationReport report =
          Reconciliation.reconcile(
              day.settlement, day.lines, day.payments, day.refunds, day.payouts);
      Expected want = expected(day);

      List<String> got = new ArrayList<>();
      report.mismatches().forEach(m -> got.add(m.kind() + " " + m.referenceId()));
      assertThat(got)
          .as("seed %d round %d", seed, round)
          .containsExactlyInAnyOrderElementsOf(want.kinds);
      assertThat(report.matchedLines()).as("matched").isEqualTo(want.matched);
      assertThat(report.balanced()).isEqualTo(want.kinds.isEmpty());
    }
  }

  record Day(
      Settlement settlement,
      List<SettlementLine> lines,
      List<Payment> payments,
      List<Refund> refunds,
      List<Payout> payouts) {}

  record Expected(List<String> kinds, int matched) {}

  // ---- the generator ----

  private static Day day(SplittableRandom random) {
    List<Payment> payments = new ArrayList<>();
    List<Refund> refunds = new ArrayList<>();
    List<Payout> payouts = new ArrayList<>();
    List<SettlementLine> lines = new ArrayList<>();
    for (int i = random.nextInt(12); i > 0; i--) {
      String currency = random.nextInt(10) == 0 ? "EUR" : "MAD";
      long captured = random.nextInt(5) == 0 ? 0 : amount(random);
      long fee = captured == 0 ? 0 : random.nextLong(Math.min(captured, 1L << 40) + 1);
      Payment p = payment("pay_" + i, money(captured, currency), money(fee, currency));
      payments.add(p);
      if (captured > 0 && currency.equals("MAD")) {
        lines.addAll(
            faulty(random, SettlementLineType.PAYMENT, p.id(), captured, fee, p.amountCaptured()));
      }
    }
    for (int i = random.nextInt(8); i > 0; i--) {
      RefundStatus status =
          List.of(RefundStatus.SUCCEEDED, RefundStatus.FAILED, RefundStatus.PENDING)
              .get(random.nextInt(3));
      long amount = amount(random);
      Refund r = refund("re_" + i, money(amount, "MAD"), status);
      refunds.add(r);
      if (status == RefundStatus.SUCCEEDED) {
        lines.addAll(faulty(random, SettlementLineType.REFUND, r.id(), -amount, 0, r.amount()));
      }
    }
    for (int i = random.nextInt(5); i > 0; i--) {
      PayoutStatus status =
          List.of(PayoutStatus.PAID, PayoutStatus.FAILED, PayoutStatus.IN_TRANSIT)
              .get(random.nextInt(3));
      long amount = amount(random);
      Payout po = payout("po_" + i, money(amount, "MAD"), status);
      payouts.add(po);
      if (status == PayoutStatus.PAID) {
        lines.addAll(faulty(random, SettlementLineType.PAYOUT, po.id(), -amount, 0, po.amount()));
      }
    }
    // Lines the bank cannot match: unknown ids, records that moved no money, unknown types.
    for (int i = random.nextInt(3); i > 0; i--) {
      SettlementLineType type =
          random.nextInt(4) == 0 ? SettlementLineType.UNKNOWN : TYPES[random.nextInt(3)];
      String id =
          random.nextBoolean() || payments.isEmpty()
              ? "x_" + random.nextInt(5)
              : payments.get(random.nextInt(payments.size())).id();
      lines.add(line(type, id, money(amount(random), "MAD"), money(0, "MAD")));
    }
    bookTwice(random, payments);
    bookTwice(random, refunds);
    bookTwice(random, payouts);
    Collections.shuffle(lines, new Random(random.nextLong()));

    BigInteger sum = BigInteger.ZERO;
    for (SettlementLine l : lines) {
      if (l.net().currencyCode().equals("MAD")) {
        sum = sum.add(BigInteger.valueOf(l.net().amountMinor()));
      }
    }
    long net = sum.bitLength() < 64 && random.nextInt(6) > 0 ? sum.longValue() : random.nextLong();
    String netCurrency = random.nextInt(30) == 0 ? "EUR" : "MAD";
    int count = random.nextInt(8) > 0 ? lines.size() : lines.size() + 1 - random.nextInt(3);
    return new Day(
        settlement("MAD", money(net, netCurrency), count), lines, payments, refunds, payouts);
  }

  /** The line a record should have, possibly with a fault, or no line, or two. */
  private static List<SettlementLine> faulty(
      SplittableRandom random,
      SettlementLineType type,
      String id,
      long amount,
      long fee,
      Money recorded) {
    List<SettlementLine> out = new ArrayList<>();
    switch (random.nextInt(12)) {
      case 0 -> {} // dropped
      case 1 -> out.add(line(type, id, money(amount + 1, "MAD"), money(fee, "MAD")));
      case 2 -> out.add(line(type, id, money(amount, "MAD"), money(fee + 1, "MAD")));
      case 3 -> out.add(line(type, id, money(amount, "MAD"), money(fee, "MAD"), money(7, "MAD")));
      case 4 -> out.add(line(type, id, money(amount, "EUR"), money(fee, "EUR")));
      case 5 -> {
        out.add(line(type, id, money(amount, "MAD"), money(fee, "MAD")));
        out.add(line(type, id, money(amount, "MAD"), money(fee, "MAD")));
      }
      case 6 -> {
        // a fee so negative that amount minus fee overflows: the net cannot be right
        long hugeFee = -Long.MAX_VALUE + random.nextInt(10);
        out.add(line(type, id, money(amount, "MAD"), money(hugeFee, "MAD"), money(1, "MAD")));
      }
      default -> out.add(line(type, id, money(amount, "MAD"), money(fee, "MAD")));
    }
    return out;
  }

  private static <T> void bookTwice(SplittableRandom random, List<T> records) {
    if (!records.isEmpty() && random.nextInt(6) == 0) {
      records.add(records.get(random.nextInt(records.size())));
    }
  }

  private static long amount(SplittableRandom random) {
    return random.nextInt(15) == 0
        ? Long.MAX_VALUE - random.nextInt(1_000)
        : 1 + random.nextLong(10_000_000);
  }

  private static Money money(long minor, String currency) {
    return Money.ofMinor(minor, currency);
  }

  // ---- the second implementation ----

  /** What moved money, and what its line must carry, per record. */
  private record Book(String key, String id, boolean moved, Money amount, Money fee) {}

  private static Expected expected(Day day) {
    Map<String, List<Book>> bank = new LinkedHashMap<>();
    for (Payment p : day.payments) {
      Book b =
          new Book(
              "payment:" + p.id(),
              p.id(),
              p.amountCaptured().amountMinor() > 0,
              p.amountCaptured(),
              p.feeSplit().platformFee());
      bank.computeIfAbsent(b.key, k -> new ArrayList<>()).add(b);
    }
    for (Refund r : day.refunds) {
      Book b =
          new Book(
              "refund:" + r.id(),
              r.id(),
              r.status() == RefundStatus.SUCCEEDED,
              r.amount().negate(),
              Money.zero(r.amount().currencyCode()));
      bank.computeIfAbsent(b.key, k -> new ArrayList<>()).add(b);
    }
    for (Payout p : day.payouts) {
      Book b =
          new Book(
              "payout:" + p.id(),
              p.id(),
              p.status() == PayoutStatus.PAID,
              p.amount().negate(),
              Money.zero(p.amount().currencyCode()));
      bank.computeIfAbsent(b.key, k -> new ArrayList<>()).add(b);
    }
    List<String> kinds = new ArrayList<>();
    bank.values().stream()
        .filter(copies -> copies.size() > 1)
        .forEach(copies -> kinds.add("DUPLICATE_IN_BANK " + copies.get(0).id));

    String currency = day.settlement.currency();
    Map<String, Integer> named = new HashMap<>();
    BigInteger sum = BigInteger.ZERO;
    int matched = 0;
    for (SettlementLine l : day.lines) {
      String key = l.typeAsString() + ":" + l.referenceId();
      Book book = bank.containsKey(key) ? bank.get(key).get(0) : null;
      int times = book == null ? 0 : named.merge(key, 1, Integer::sum);
      List<String> found = new ArrayList<>();
      boolean inCurrency =
          List.of(l.amount(), l.fee(), l.net()).stream()
              .allMatch(m -> m.currencyCode().equals(currency));
      if (!inCurrency) {
        kinds.add("CURRENCY_DIFFERS " + l.referenceId());
        continue;
      }
      sum = sum.add(BigInteger.valueOf(l.net().amountMinor()));
      if (times > 1) {
        kinds.add("DUPLICATE_LINE " + l.referenceId());
        continue;
      }
      BigInteger net =
          BigInteger.valueOf(l.amount().amountMinor())
              .subtract(BigInteger.valueOf(l.fee().amountMinor()));
      if (!net.equals(BigInteger.valueOf(l.net().amountMinor()))) {
        found.add("NET_DIFFERS");
      }
      if (l.type() == SettlementLineType.UNKNOWN) {
        found.add("UNKNOWN_LINE_TYPE");
      } else if (book == null) {
        found.add("MISSING_FROM_BANK");
      } else if (!book.moved) {
        found.add("STATUS_DIFFERS");
      } else {
        if (!book.amount.equals(l.amount())) {
          found.add("AMOUNT_DIFFERS");
        }
        if (!book.fee.equals(l.fee())) {
          found.add("FEE_DIFFERS");
        }
      }
      if (found.isEmpty()) {
        matched++;
      }
      found.forEach(k -> kinds.add(k + " " + l.referenceId()));
    }
    for (Map.Entry<String, List<Book>> e : bank.entrySet()) {
      Book b = e.getValue().get(0);
      if (!named.containsKey(e.getKey()) && b.moved && b.amount.currencyCode().equals(currency)) {
        kinds.add("MISSING_FROM_SETTLEMENT " + b.id);
      }
    }
    Money announced = day.settlement.net();
    if (!announced.currencyCode().equals(currency)
        || !sum.equals(BigInteger.valueOf(announced.amountMinor()))) {
      kinds.add("TOTAL_DIFFERS " + day.settlement.id());
    }
    if (day.lines.size() != day.settlement.lineCount()) {
      kinds.add("TOTAL_DIFFERS " + day.settlement.id());
    }
    return new Expected(kinds, matched);
  }
}
