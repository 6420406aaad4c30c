package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/**
 * FX quotes over the API: {@code createFxQuote} and {@code getFxQuote}, at sample rates labelled as
 * such, valid {@link #FX_QUOTE_TTL}; an order in another display currency needs one.
 */
public final class FxQuotesHandler {
  /** How long a quote can be used. */
  public static final Duration FX_QUOTE_TTL = Duration.ofMinutes(10);

  /** Sample rates, labelled as such in every quote: MAD per unit of the foreign currency. */
  public static final Map<String, BigDecimal> MAD_PER_UNIT =
      Map.of("EUR", new BigDecimal("10.8200"), "USD", new BigDecimal("9.9500"));

  /** A quote. */
  record Quote(String id, String from, String to, BigDecimal rate, Instant at, Instant expires) {}

  private final Ids ids;
  private final Clock clock;

  @GuardedBy("this.quotes")
  private final Map<String, Quote> quotes = new HashMap<>();

  /** Quotes with ids from {@code ids}, dated on {@code clock}. */
  public FxQuotesHandler(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of("createFxQuote", (e, r) -> create(e), "getFxQuote", (e, r) -> get(r.param("id")));
  }

  /** A quote by id, or null. */
  @Nullable Quote quote(String id) {
    synchronized (quotes) {
      return quotes.get(id);
    }
  }

  private Exchange.Response get(String id) {
    Quote q = quote(id);
    if (q == null) {
      throw new Exchange.ApiError(Problems.notFound("FX quote", id));
    }
    return Json.json(200, Json.bytes(g -> writeQuote(g, q)));
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode b = e.jsonBody();
    String from = b.path("from").asText();
    String to = b.path("to").asText();
    BigDecimal rate;
    if (from.equals("MAD") && MAD_PER_UNIT.containsKey(to)) {
      rate = BigDecimal.ONE.divide(MAD_PER_UNIT.get(to), 6, RoundingMode.HALF_EVEN);
    } else if (to.equals("MAD") && MAD_PER_UNIT.containsKey(from)) {
      rate = MAD_PER_UNIT.get(from).setScale(6, RoundingMode.UNNECESSARY);
    } else {
      throw new Exchange.ApiError(
          Problems.invalid(
              new Problems.FieldErrors()
                  .add("to", "unsupported_pair", "quotes are between MAD and EUR or USD")));
    }
    Instant now = clock.instant();
    Quote q = new Quote(ids.next("fxq"), from, to, rate, now, now.plus(FX_QUOTE_TTL));
    synchronized (this.quotes) {
      quotes.put(q.id(), q);
    }
    return Json.json(201, Json.bytes(g -> writeQuote(g, q)));
  }

  /** Minor units of MAD times a rate, rounded half-up to the target's minor unit. */
  static long convert(long madMinor, BigDecimal rate) {
    return BigDecimal.valueOf(madMinor)
        .multiply(rate)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static void writeQuote(JsonGenerator g, Quote q) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", q.id());
    g.writeStringField("from", q.from());
    g.writeStringField("to", q.to());
    g.writeStringField("rate", q.rate().toPlainString());
    g.writeStringField("quoted_at", q.at().toString());
    g.writeStringField("expires_at", q.expires().toString());
    g.writeBooleanField("sample", true);
    g.writeEndObject();
  }
}
