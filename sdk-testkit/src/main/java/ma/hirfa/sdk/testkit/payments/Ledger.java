package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * The money movements behind settlements: one line per captured payment, refund and paid payout,
 * dated when it happened, grouped by UTC day and currency into settlements that reconcile to the
 * centime. A day's {@code settlement.available} falls due at the midnight that ends it, on the
 * {@link Timeline}, after everything that happened that day.
 */
public final class Ledger implements Timeline.Source {
  /** One line of a settlement. */
  record Line(
      String id,
      String type,
      String referenceId,
      long amount,
      long fee,
      String currency,
      Instant at) {}

  private final Ids ids;
  private final EventLog events;
  private final Object lock = new Object();

  @GuardedBy("lock")
  private final List<Line> lines = new ArrayList<>();

  @GuardedBy("lock")
  private LocalDate announcedThrough;

  /** An empty ledger; days before the clock's today are never announced. */
  public Ledger(Ids ids, Clock clock, EventLog events) {
    this.ids = ids;
    this.events = events;
    this.announcedThrough = day(clock.instant()).minusDays(1);
  }

  /** A captured payment, at {@code at}. */
  void payment(String paymentId, long captured, long fee, String currency, Instant at) {
    add(new Line(ids.next("stl"), "payment", paymentId, captured, fee, currency, at));
  }

  /** A succeeded refund, at {@code at}. */
  void refund(String refundId, long amount, String currency, Instant at) {
    add(new Line(ids.next("stl"), "refund", refundId, -amount, 0, currency, at));
  }

  /** A paid payout, at {@code at}. */
  void payout(String payoutId, long amount, Instant at) {
    add(new Line(ids.next("stl"), "payout", payoutId, -amount, 0, "MAD", at));
  }

  private void add(Line line) {
    synchronized (lock) {
      lines.add(line);
    }
  }

  @Override
  public @Nullable Instant nextDue() {
    synchronized (lock) {
      return announcedThrough.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /** Announces {@code settlement.available} for the day that ended at {@code at}, if it had any. */
  @Override
  public void applyDue(Instant at) {
    List<ObjectNode> summaries = new ArrayList<>();
    synchronized (lock) {
      announcedThrough = announcedThrough.plusDays(1);
      for (Map.Entry<String, List<Line>> s : settlementsLocked(announcedThrough).entrySet()) {
        summaries.add(summary(announcedThrough, s.getKey(), s.getValue(), at));
      }
    }
    summaries.forEach(s -> events.emit("settlement.available", s, at));
  }

  /** Every settlement (per day and currency), oldest first. */
  List<ObjectNode> summaries(Instant now) {
    synchronized (lock) {
      Map<LocalDate, Map<String, List<Line>>> byDay = new TreeMap<>();
      for (Line l : lines) {
        byDay
            .computeIfAbsent(day(l.at()), d -> new TreeMap<>())
            .computeIfAbsent(l.currency(), c -> new ArrayList<>())
            .add(l);
      }
      List<ObjectNode> all = new ArrayList<>();
      byDay.forEach(
          (d, perCurrency) -> perCurrency.forEach((c, ls) -> all.add(summary(d, c, ls, now))));
      return all;
    }
  }

  /** The lines of one day in one currency (empty when there were none). */
  List<Line> lines(LocalDate date, String currency) {
    synchronized (lock) {
      return settlementsLocked(date).getOrDefault(currency, List.of());
    }
  }

  @GuardedBy("lock")
  private Map<String, List<Line>> settlementsLocked(LocalDate date) {
    Map<String, List<Line>> out = new TreeMap<>();
    for (Line l : lines) {
      if (day(l.at()).equals(date)) {
        out.computeIfAbsent(l.currency(), c -> new ArrayList<>()).add(l);
      }
    }
    return out;
  }

  /** The settlement of a day in a currency, as the API renders it at {@code now}. */
  static ObjectNode summary(LocalDate date, String currency, List<Line> ls, Instant now) {
    long gross = 0;
    long fees = 0;
    long refunds = 0;
    long payouts = 0;
    for (Line l : ls) {
      switch (l.type()) {
        case "payment" -> gross += l.amount();
        case "refund" -> refunds += l.amount();
        default -> payouts += l.amount();
      }
      fees += l.fee();
    }
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", "st_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + currency);
    o.put("date", date.toString());
    o.put("currency", currency);
    o.put("status", date.isBefore(day(now)) ? "available" : "open");
    o.set("gross", Json.money(gross, currency));
    o.set("fees", Json.money(fees, currency));
    o.set("refunds", Json.money(refunds, currency));
    o.set("payouts", Json.money(payouts, currency));
    o.set("net", Json.money(gross - fees + refunds + payouts, currency));
    o.put("line_count", ls.size());
    return o;
  }

  static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
