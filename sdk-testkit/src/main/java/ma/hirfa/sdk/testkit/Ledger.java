package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The money movements behind settlements: one line per captured payment, refund and paid payout,
 * grouped by UTC day and currency into settlements that reconcile to the centime.
 */
final class Ledger {
  private static final Pattern SETTLEMENT =
      Pattern.compile("/v1/settlements/(st_(\\d{8})([A-Z]{3}))(/lines)?");

  private record Line(
      String id,
      String type,
      String referenceId,
      long amount,
      long fee,
      String currency,
      Instant at) {}

  private record Summary(long seq, LocalDate date, ObjectNode json) {}

  private final Ids ids;
  private final SandboxClock clock;
  private final EventLog events;
  private final List<Line> lines = new ArrayList<>();
  private LocalDate announcedThrough;

  Ledger(Ids ids, SandboxClock clock, EventLog events) {
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.announcedThrough = day(clock.instant()).minusDays(1);
  }

  synchronized void payment(String paymentId, long captured, long fee, String currency) {
    lines.add(
        new Line(ids.next("stl"), "payment", paymentId, captured, fee, currency, clock.instant()));
  }

  synchronized void refund(String refundId, long amount, String currency) {
    lines.add(new Line(ids.next("stl"), "refund", refundId, -amount, 0, currency, clock.instant()));
  }

  synchronized void payout(String payoutId, long amount) {
    lines.add(new Line(ids.next("stl"), "payout", payoutId, -amount, 0, "MAD", clock.instant()));
  }

  /** Announces {@code settlement.available} for every finished day that had activity. */
  synchronized void tick() {
    LocalDate today = day(clock.instant());
    while (announcedThrough.isBefore(today.minusDays(1))) {
      announcedThrough = announcedThrough.plusDays(1);
      for (Map.Entry<String, List<Line>> s : settlements(announcedThrough).entrySet()) {
        events.emit("settlement.available", summary(announcedThrough, s.getKey(), s.getValue()));
      }
    }
  }

  synchronized Exchange.@Nullable Response handle(Exchange e) {
    if (!e.method.equals("GET")) {
      return null;
    }
    if (e.path.equals("/v1/settlements")) {
      // One summary per day and currency, oldest first; the position is the paging sequence.
      List<Summary> all = new ArrayList<>();
      String date = e.queryParam("date");
      Map<LocalDate, Map<String, List<Line>>> byDay = new TreeMap<>();
      for (Line l : lines) {
        byDay
            .computeIfAbsent(day(l.at()), d -> new TreeMap<>())
            .computeIfAbsent(l.currency(), c -> new ArrayList<>())
            .add(l);
      }
      byDay.forEach(
          (d, perCurrency) ->
              perCurrency.forEach(
                  (c, ls) -> all.add(new Summary(all.size() + 1L, d, summary(d, c, ls)))));
      return Exchange.Response.json(
          200,
          Pages.page(
              e,
              all,
              Summary::seq,
              s -> date == null || date.equals(s.date().toString()),
              Summary::json));
    }
    Matcher m = SETTLEMENT.matcher(e.path);
    if (!m.matches()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException ex) {
      throw new Exchange.ApiError(Problems.notFound("settlement", m.group(1)));
    }
    List<Line> ls = settlements(date).get(m.group(3));
    if (ls == null) {
      throw new Exchange.ApiError(Problems.notFound("settlement", m.group(1)));
    }
    if (m.group(4) == null) {
      return Exchange.Response.json(200, summary(date, m.group(3), ls));
    }
    StringBuilder ndjson = new StringBuilder();
    for (Line l : ls) {
      ObjectNode o = Exchange.JSON.createObjectNode();
      o.put("id", l.id());
      o.put("type", l.type());
      o.put("reference_id", l.referenceId());
      o.set("amount", money(l.amount(), l.currency()));
      o.set("fee", money(l.fee(), l.currency()));
      o.set("net", money(l.amount() - l.fee(), l.currency()));
      o.put("occurred_at", l.at().toString());
      ndjson.append(o).append('\n');
    }
    return new Exchange.Response(
        200,
        new LinkedHashMap<>(),
        ndjson.toString().getBytes(StandardCharsets.UTF_8),
        "application/x-ndjson");
  }

  private Map<String, List<Line>> settlements(LocalDate date) {
    Map<String, List<Line>> out = new TreeMap<>();
    for (Line l : lines) {
      if (day(l.at()).equals(date)) {
        out.computeIfAbsent(l.currency(), c -> new ArrayList<>()).add(l);
      }
    }
    return out;
  }

  private ObjectNode summary(LocalDate date, String currency, List<Line> ls) {
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
    o.put("status", date.isBefore(day(clock.instant())) ? "available" : "open");
    o.set("gross", money(gross, currency));
    o.set("fees", money(fees, currency));
    o.set("refunds", money(refunds, currency));
    o.set("payouts", money(payouts, currency));
    o.set("net", money(gross - fees + refunds + payouts, currency));
    o.put("line_count", ls.size());
    return o;
  }

  private static ObjectNode money(long minor, String currency) {
    return Exchange.JSON.createObjectNode().put("amount_minor", minor).put("currency", currency);
  }

  private static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
