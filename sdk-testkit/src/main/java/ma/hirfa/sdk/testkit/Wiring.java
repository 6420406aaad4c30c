package ma.hirfa.sdk.testkit;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.events.WebhookDispatcher;
import ma.hirfa.sdk.testkit.events.WebhookEndpointsHandler;
import ma.hirfa.sdk.testkit.marketplace.ArtisanRegistry;
import ma.hirfa.sdk.testkit.marketplace.ArtisansHandler;
import ma.hirfa.sdk.testkit.marketplace.CatalogFeed;
import ma.hirfa.sdk.testkit.marketplace.CatalogSeed;
import ma.hirfa.sdk.testkit.marketplace.FxQuotesHandler;
import ma.hirfa.sdk.testkit.marketplace.OrdersHandler;
import ma.hirfa.sdk.testkit.marketplace.ProductStore;
import ma.hirfa.sdk.testkit.marketplace.ProductsHandler;
import ma.hirfa.sdk.testkit.marketplace.TaxonomyHandler;
import ma.hirfa.sdk.testkit.payments.Ledger;
import ma.hirfa.sdk.testkit.payments.PaymentBook;
import ma.hirfa.sdk.testkit.payments.PaymentsHandler;
import ma.hirfa.sdk.testkit.payments.PayoutsHandler;
import ma.hirfa.sdk.testkit.payments.RefundsHandler;
import ma.hirfa.sdk.testkit.payments.SettlementsHandler;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.IdempotencyStore;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.OpenApiContract;
import ma.hirfa.sdk.testkit.server.RateLimiter;
import ma.hirfa.sdk.testkit.server.RouteTable;
import ma.hirfa.sdk.testkit.server.Streamer;
import ma.hirfa.sdk.testkit.server.Timeline;

/**
 * How a {@link Sandbox} is put together from its layers: the events, the payments and the
 * marketplace resources, each resource's handlers bound by operation id in the contract's route
 * table, the timeline of what falls due, and the pipeline in front of them ({@code Router}).
 */
final class Wiring {
  /** Ids of created objects differ between sandboxes, even with the same seed. */
  private static final SecureRandom INSTANCE_IDS = new SecureRandom();

  final SandboxClock clock;
  final Faults faults;
  final CatalogFaults catalogFaults;
  final WebhookDispatcher webhooks;
  final PaymentBook book;
  final ProductStore products;
  final PaymentsHandler payments;
  final RequestJournal journal;
  final Streamer streamer = new Streamer();
  final Router router;

  /** The sandbox's address, known once its server has started (for the 3-D Secure page). */
  final String[] baseUrl = {""};

  Wiring(Sandbox.Builder b) {
    SplittableRandom instance = new SplittableRandom(INSTANCE_IDS.nextLong());
    Ids ids = new Ids(instance.nextLong());
    this.faults = new Faults();
    this.catalogFaults = new CatalogFaults(b.seed);
    Timeline[] timeline = new Timeline[1];
    this.clock = new SandboxClock(b.clock, () -> timeline[0].catchUp());
    timeline[0] = new Timeline(clock);
    EventLog events = new EventLog(ids, clock);
    this.webhooks = new WebhookDispatcher(ids, clock, b.webhookBackoff, b.webhookAttempts);
    events.listener(webhooks::onEvent);
    Ledger ledger = new Ledger(ids, clock, events);
    this.book = new PaymentBook(ids, events, ledger);
    CatalogSeed seed = new CatalogSeed(b.seed, b.catalogSize);
    ArtisanRegistry artisans = new ArtisanRegistry(seed, events);
    CatalogFeed feed = new CatalogFeed(clock, catalogFaults.misbehaviour(), b.feedRetention);
    this.products = new ProductStore(seed, clock, events, feed);
    this.payments = new PaymentsHandler(book, clock, artisans::exists, () -> baseUrl[0]);
    FxQuotesHandler quotes = new FxQuotesHandler(ids, clock);
    Map<String, Handler> handlers = new HashMap<>();
    handlers.putAll(new TaxonomyHandler().handlers());
    handlers.putAll(new ArtisansHandler(artisans, ids, clock).handlers());
    handlers.putAll(
        new ProductsHandler(products, artisans, ids, clock, catalogFaults.misbehaviour())
            .handlers());
    handlers.putAll(new OrdersHandler(products, quotes, ids, clock, events).handlers());
    handlers.putAll(quotes.handlers());
    handlers.putAll(payments.handlers());
    handlers.putAll(new RefundsHandler(book, clock).handlers());
    handlers.putAll(new PayoutsHandler(book, clock).handlers());
    handlers.putAll(new SettlementsHandler(ledger, clock).handlers());
    handlers.putAll(new WebhookEndpointsHandler(webhooks).handlers());
    // At one instant: payments and payouts, then artisans, then the day's settlement closes.
    timeline[0].add(book);
    timeline[0].add(artisans);
    timeline[0].add(ledger);
    RouteTable routes = new RouteTable(OpenApiContract.shared(), handlers);
    this.journal = new RequestJournal(b.journalSize, clock);
    this.router =
        new Router(
            new Ids(instance.nextLong()),
            faults,
            new RateLimiter(System::nanoTime, b.rateLimit, b.rateWindow),
            routes,
            new IdempotencyStore(clock),
            payments,
            streamer,
            timeline[0],
            journal,
            clock,
            b.strictResponses);
  }
}
