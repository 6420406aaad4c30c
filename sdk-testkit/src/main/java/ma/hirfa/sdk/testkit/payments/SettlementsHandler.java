package ma.hirfa.sdk.testkit.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;

/**
 * Settlements over the API: {@code listSettlements}, {@code getSettlement} and {@code
 * streamSettlementLines} (NDJSON), read from the {@link Ledger}.
 */
public final class SettlementsHandler {
  private static final Pattern ID = Pattern.compile("st_(\\d{8})([A-Z]{3})");

  private record Summary(long seq, String date, ObjectNode json) {}

  private final Ledger ledger;
  private final Clock clock;

  /** Settlements of {@code ledger}, open or available as of {@code clock}'s day. */
  public SettlementsHandler(Ledger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "listSettlements", (e, r) -> list(e),
        "getSettlement", (e, r) -> Exchange.Response.json(200, summary(r.param("id"))),
        "streamSettlementLines", (e, r) -> lines(r.param("id")));
  }

  private Exchange.Response list(Exchange e) {
    // One summary per day and currency, oldest first; the position is the paging sequence.
    List<Summary> all = new ArrayList<>();
    for (ObjectNode s : ledger.summaries(clock.instant())) {
      all.add(new Summary(all.size() + 1L, s.path("date").asText(), s));
    }
    String date = e.queryParam("date");
    return Exchange.Response.json(
        200,
        Pages.page(
            e, all, Summary::seq, s -> date == null || date.equals(s.date()), Summary::json));
  }

  private ObjectNode summary(String id) {
    Matcher m = matcher(id);
    LocalDate date = date(m, id);
    return Ledger.summary(date, m.group(2), lines(date, m.group(2), id), clock.instant());
  }

  private Exchange.Response lines(String id) {
    Matcher m = matcher(id);
    StringBuilder ndjson = new StringBuilder();
    for (Ledger.Line l : lines(date(m, id), m.group(2), id)) {
      ObjectNode o = Exchange.JSON.createObjectNode();
      o.put("id", l.id());
      o.put("type", l.type());
      o.put("reference_id", l.referenceId());
      o.set("amount", Json.money(l.amount(), l.currency()));
      o.set("fee", Json.money(l.fee(), l.currency()));
      o.set("net", Json.money(l.amount() - l.fee(), l.currency()));
      o.put("occurred_at", l.at().toString());
      ndjson.append(o).append('\n');
    }
    return new Exchange.Response(
        200,
        new LinkedHashMap<>(),
        ndjson.toString().getBytes(StandardCharsets.UTF_8),
        "application/x-ndjson");
  }

  private List<Ledger.Line> lines(LocalDate date, String currency, String id) {
    List<Ledger.Line> ls = ledger.lines(date, currency);
    if (ls.isEmpty()) {
      throw new Exchange.ApiError(Problems.notFound("settlement", id));
    }
    return ls;
  }

  private static Matcher matcher(String id) {
    Matcher m = ID.matcher(id);
    if (!m.matches()) {
      throw new Exchange.ApiError(Problems.notFound("settlement", id));
    }
    return m;
  }

  private static LocalDate date(Matcher m, String id) {
    try {
      return LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException ex) {
      throw new Exchange.ApiError(Problems.notFound("settlement", id));
    }
  }
}
