package ma.hirfa.sdk.testkit.marketplace;

import static ma.hirfa.sdk.testkit.server.Json.writeMoney;
import static ma.hirfa.sdk.testkit.server.Json.writeStrings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Orders over the API: {@code createOrder} (reserving stock), {@code listOrders}, {@code getOrder},
 * {@code changeOrderStatus}; and an order paid by a succeeded payment whose order reference is the
 * order's id, for its MAD total. Orders share the products' lock: a reservation and its stock
 * change are one step.
 */
public final class OrdersHandler {
  /** One line of an order. */
  record Line(String productId, int quantity, long unitPrice) {}

  /** An order (immutable: a change stores a new one). */
  record Order(
      String id,
      long seq,
      String status,
      List<Line> lines,
      long total,
      @Nullable String displayCurrency,
      long displayTotal,
      List<String> paymentIds,
      @Nullable String trackingNumber,
      Instant createdAt) {
    Order moved(String status, @Nullable String tracking, List<String> payments) {
      return new Order(
          id,
          seq,
          status,
          lines,
          total,
          displayCurrency,
          displayTotal,
          payments,
          tracking,
          createdAt);
    }
  }

  private final ProductStore store;
  private final FxQuotesHandler quotes;
  private final Ids ids;
  private final Clock clock;
  private final EventLog events;

  @GuardedBy("store.lock")
  private final List<Order> orders = new ArrayList<>();

  @GuardedBy("store.lock")
  private final Map<String, Integer> orderIndex = new HashMap<>();

  /** Orders of the products in {@code store}, paid by the payments {@code events} announce. */
  public OrdersHandler(
      ProductStore store, FxQuotesHandler quotes, Ids ids, Clock clock, EventLog events) {
    this.store = store;
    this.quotes = quotes;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    events.listener(this::onEvent);
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "createOrder", (e, r) -> create(e),
        "listOrders", (e, r) -> list(e),
        "getOrder", (e, r) -> get(r.param("id")),
        "changeOrderStatus", (e, r) -> changeStatus(e, r.param("id")));
  }

  private Exchange.Response get(String id) {
    synchronized (store.lock) {
      Order o = orderOr404(id);
      return Json.json(200, Json.bytes(g -> writeOrder(g, o)));
    }
  }

  private Exchange.Response changeStatus(Exchange e, String id) {
    synchronized (store.lock) {
      return changeStatus(e, orderOr404(id));
    }
  }

  @GuardedBy("store.lock")
  private Order orderOr404(String id) {
    Integer i = orderIndex.get(id);
    if (i == null) {
      throw new Exchange.ApiError(Problems.notFound("order", id));
    }
    return orders.get(i);
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (store.lock) {
      List<Line> lines = new ArrayList<>();
      Map<String, Integer> wanted = new HashMap<>();
      JsonNode input = b.path("lines");
      long total = 0;
      for (int i = 0; i < input.size(); i++) {
        String id = input.get(i).path("product_id").asText();
        int qty = input.get(i).path("quantity").asInt();
        Product p = store.find(id);
        if (p == null || !p.status().equals("active")) {
          errors.add(
              "lines[" + i + "].product_id", "not_for_sale", "no active product with this id");
          continue;
        }
        int all = wanted.merge(id, qty, Integer::sum);
        if (all > p.stock()) {
          errors.add("lines[" + i + "].quantity", "insufficient_stock", p.stock() + " in stock");
        }
        lines.add(new Line(id, qty, p.price()));
        total = Math.addExact(total, Math.multiplyExact(p.price(), (long) qty));
      }
      String currency =
          b.hasNonNull("display_currency") ? b.get("display_currency").asText() : null;
      long display = total;
      String quoteId = b.hasNonNull("fx_quote_id") ? b.get("fx_quote_id").asText() : null;
      if (currency != null && !currency.equals("MAD")) {
        FxQuotesHandler.Quote q = quoteId == null ? null : quotes.quote(quoteId);
        if (q == null || !q.from().equals("MAD") || !q.to().equals(currency)) {
          errors.add(
              "fx_quote_id", "quote_required", "a MAD to " + currency + " quote is required");
        } else if (clock.instant().isAfter(q.expires())) {
          errors.add("fx_quote_id", "quote_expired", "the quote expired at " + q.expires());
        } else {
          display = FxQuotesHandler.convert(total, q.rate());
        }
      }
      errors.throwIfAny();
      for (Map.Entry<String, Integer> w : wanted.entrySet()) {
        Product p = Objects.requireNonNull(store.find(w.getKey()));
        store.changed(
            p.with(p.status(), p.stock() - w.getValue(), p.version() + 1, clock.instant()),
            "product.updated");
      }
      Order o =
          new Order(
              ids.next("ord"),
              orders.size() + 1L,
              "pending_payment",
              List.copyOf(lines),
              total,
              currency,
              display,
              List.of(),
              null,
              clock.instant());
      orderIndex.put(o.id(), orders.size());
      orders.add(o);
      return Json.json(201, Json.bytes(g -> writeOrder(g, o)));
    }
  }

  @GuardedBy("store.lock")
  private Exchange.Response changeStatus(Exchange e, Order o) {
    ObjectNode b = e.jsonBody();
    String to = b.path("status").asText();
    boolean allowed =
        switch (o.status()) {
          case "pending_payment" -> to.equals("paid") || to.equals("cancelled");
          case "paid" -> to.equals("shipped") || to.equals("cancelled");
          case "shipped" -> to.equals("delivered");
          default -> false;
        };
    if (!allowed) {
      throw new Exchange.ApiError(
          Problems.conflict(
              "invalid_transition", "an order cannot go from " + o.status() + " to " + to));
    }
    if (to.equals("shipped") && !b.hasNonNull("tracking_number")) {
      throw new Exchange.ApiError(
          Problems.invalid(
              new Problems.FieldErrors()
                  .add("tracking_number", "required", "a shipped order has a tracking number")));
    }
    if (to.equals("cancelled")) {
      for (Line l : o.lines()) {
        Product p = store.find(l.productId());
        if (p != null) {
          store.changed(
              p.with(p.status(), p.stock() + l.quantity(), p.version() + 1, clock.instant()),
              "product.updated");
        }
      }
    }
    Order moved =
        o.moved(
            to,
            b.hasNonNull("tracking_number")
                ? b.get("tracking_number").asText()
                : o.trackingNumber(),
            o.paymentIds());
    replaceOrder(moved);
    if (to.equals("paid")) {
      events.emit("order.paid", Json.tree(g -> writeOrder(g, moved)));
    }
    return Json.json(200, Json.bytes(g -> writeOrder(g, moved)));
  }

  @GuardedBy("store.lock")
  private void replaceOrder(Order o) {
    orders.set(Objects.requireNonNull(orderIndex.get(o.id())), o);
  }

  /** A succeeded payment whose order reference is an order's id, for its total, pays it. */
  void onEvent(ObjectNode event) {
    if (!event.path("type").asText().equals("payment.succeeded")) {
      return;
    }
    JsonNode pay = event.path("data").path("object");
    String orderId = pay.path("order_reference").asText();
    synchronized (store.lock) {
      Integer i = orderIndex.get(orderId);
      if (i == null) {
        return;
      }
      Order o = orders.get(i);
      if (!o.status().equals("pending_payment")
          || pay.path("amount").path("amount_minor").asLong() != o.total()
          || !pay.path("amount").path("currency").asText().equals("MAD")) {
        return;
      }
      List<String> paymentIds = new ArrayList<>(o.paymentIds());
      paymentIds.add(pay.path("id").asText());
      Order paid = o.moved("paid", null, List.copyOf(paymentIds));
      replaceOrder(paid);
      events.emit("order.paid", Json.tree(g -> writeOrder(g, paid)));
    }
  }

  private Exchange.Response list(Exchange e) {
    String status = e.queryParam("status");
    synchronized (store.lock) {
      ObjectNode page =
          Pages.page(
              e,
              orders,
              Order::seq,
              o -> status == null || status.equals(o.status()),
              o -> Json.tree(g -> writeOrder(g, o)));
      return Exchange.Response.json(200, page);
    }
  }

  private static void writeOrder(JsonGenerator g, Order o) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", o.id());
    g.writeStringField("status", o.status());
    g.writeArrayFieldStart("lines");
    for (Line l : o.lines()) {
      g.writeStartObject();
      g.writeStringField("product_id", l.productId());
      g.writeNumberField("quantity", l.quantity());
      writeMoney(g, "unit_price", l.unitPrice(), "MAD");
      g.writeEndObject();
    }
    g.writeEndArray();
    writeMoney(g, "total", o.total(), "MAD");
    if (o.displayCurrency() != null) {
      writeMoney(g, "display_total", o.displayTotal(), o.displayCurrency());
    }
    writeStrings(g, "payment_ids", o.paymentIds());
    if (o.trackingNumber() != null) {
      g.writeStringField("tracking_number", o.trackingNumber());
    }
    g.writeStringField("created_at", o.createdAt().toString());
    g.writeEndObject();
  }
}
