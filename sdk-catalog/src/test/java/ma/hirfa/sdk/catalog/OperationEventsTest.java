package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.testkit.Sandbox;
import ma.hirfa.sdk.testkit.server.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every request of the catalog client is built from a contract operation: one call of every
 * operation against the sandbox, and every event a {@link CallListener} sees names a {@code
 * operationId} of {@code docs/openapi/marketplace.yaml} and its path template, never a path with
 * ids.
 */
class OperationEventsTest {
  private static final Pattern ID = Pattern.compile("\\b(art|prd|ord|fxq)_[A-Za-z0-9]+");

  /** What a listener saw: operation, method (empty for an attempt start) and template. */
  record Seen(String kind, String operation, String method, String template) {}

  static final class Recorder implements CallListener {
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Override
    public void callStarted(CallStart c) {
      seen.add(new Seen("callStarted", c.operation(), c.method(), c.urlTemplate()));
    }

    @Override
    public void attemptStarted(AttemptStart a, BiConsumer<String, String> headers) {
      seen.add(new Seen("attemptStarted", a.operation(), "", ""));
    }

    @Override
    public void attemptFinished(AttemptEvent e) {
      seen.add(new Seen("attemptFinished", e.operation(), e.method(), e.urlTemplate()));
    }

    @Override
    public void callFinished(CallEvent e) {
      seen.add(new Seen("callFinished", e.operation(), e.method(), e.urlTemplate()));
    }
  }

  @Test
  void everyOperationIsCalledByItsContractIdAndTemplateAndNoEventCarriesAnId() {
    Map<String, String> contract = OpenApiContract.operations("marketplace.yaml");
    Recorder recorder = new Recorder();
    List<String> ids = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.builder().catalogSize(20).start();
        CatalogClient client =
            CatalogClient.builder()
                .apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .configure(o -> o.addListener(recorder))
                .build()) {
      OperationCalls.callEveryOperation(client, ids);
    }

    assertThat(recorder.seen).isNotEmpty();
    Set<String> called = new TreeSet<>();
    for (Seen s : recorder.seen) {
      assertThat(contract).as("%s: a contract operationId", s).containsKey(s.operation());
      called.add(s.operation());
      if (!s.kind().equals("attemptStarted")) {
        assertThat(s.method() + " " + s.template())
            .as("%s: the contract's method and path", s)
            .isEqualTo(contract.get(s.operation()));
        assertThat(ID.matcher(s.template()).find()).as("%s: an id in the template", s).isFalse();
        for (String id : ids) {
          assertThat(s.template()).as("%s", s).doesNotContain(id);
        }
      }
    }
    assertThat(called).as("operations called").isEqualTo(contract.keySet());
  }

  /** One call of every operation of the contract, through the public API. */
  static final class OperationCalls {
    private OperationCalls() {}

    static void callEveryOperation(CatalogClient client, List<String> ids) {
      client.taxonomy().get();

      Artisan artisan =
          client
              .artisans()
              .create(
                  ArtisanCreateParams.builder()
                      .nia("NIA-OPS-1")
                      .displayName("Coopérative Tifawin")
                      .status(ArtisanStatus.COOPERATIVE)
                      .crafts(List.of("knotted_rug"))
                      .region("beni_mellal_khenifra")
                      .city("Azilal")
                      .ice("001561191000066")
                      .payoutDestination(PayoutAccount.rib("011519000001205000534921"))
                      .build());
      ids.add(artisan.id());
      client.artisans().get(artisan.id());
      client.artisans().list(ArtisanListParams.defaults());
      client.artisans().update(artisan.id(), ArtisanUpdateParams.builder().city("Fès").build());

      Product created = client.products().create(CatalogClientTest.kilim("OPS-1").build());
      ids.add(created.id());
      Product read = client.products().get(created.id());
      client.products().list(ProductListParams.defaults());
      Product updated =
          client
              .products()
              .update(read.id(), read.etag(), ProductUpdateParams.from(read).stock(9).build());
      client.products().archive(updated.id());
      client.products().upsert(List.of(CatalogClientTest.kilim("OPS-2").build()));
      String cursor;
      try (ProductExport export = client.products().export()) {
        export.stream().forEach(p -> {});
        cursor = export.exportCursor();
      }
      client.products().changes(cursor, 10);

      Order order =
          client
              .orders()
              .create(
                  OrderCreateParams.builder()
                      .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                      .line("prd_S000002", 1)
                      .shipping(new OrderCreateParams.Shipping("FR", "1 rue de Rivoli"))
                      .build());
      ids.add(order.id());
      client.orders().get(order.id());
      assertThat(client.orders().list(OrderListParams.defaults()).data()).isNotEmpty();
      client.orders().markPaid(order.id());

      FxQuote quote = client.fxQuotes().create("MAD", "EUR");
      ids.add(quote.id());
      client.fxQuotes().get(quote.id());

      client.products().delete(created.id(), ProductDeleteParams.anyVersion());
    }
  }
}
