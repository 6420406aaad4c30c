package ma.hirfa.sdk.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import ma.hirfa.sdk.catalog.Artisan;
import ma.hirfa.sdk.catalog.ArtisanCreateParams;
import ma.hirfa.sdk.catalog.ArtisanStatus;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Order;
import ma.hirfa.sdk.catalog.OrderCreateParams;
import ma.hirfa.sdk.catalog.PayoutAccount;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Sandbox;

/**
 * A developer on the platform: onboard a cooperative (ICE and RIB checked before anything is sent),
 * publish a product, take an order from a buyer in the USA with a USD display total, have it paid
 * by card, and ship it.
 */
public final class DeveloperScenario {
  /** What happened, for the tour's test. */
  public record Result(
      String refusedField, String verification, Product product, Order paid, Order shipped) {}

  private DeveloperScenario() {}

  public static Result run(Sandbox sandbox, PrintStream out) {
    try (CatalogClient catalog =
            CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
        PaymentsClient payments =
            PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      String refused;
      try {
        PayoutAccount.rib("011519000001205000534922"); // one digit off
        refused = "";
      } catch (ValidationException e) {
        refused = e.field();
        out.println("  A mistyped RIB is refused before the network: " + e.getMessage());
      }

      // [snippet:onboard]
      Artisan coop =
          catalog
              .artisans()
              .create(
                  ArtisanCreateParams.builder()
                      .nia("NIA-2026-0042")
                      .displayName("Coopérative Tifawin")
                      .status(ArtisanStatus.COOPERATIVE)
                      .crafts(List.of("knotted_rug"))
                      .region("beni_mellal_khenifra")
                      .city("Azilal")
                      .ice("001561191000066")
                      .payoutDestination(PayoutAccount.rib("011519000001205000534921"))
                      .build());
      // [end]
      out.println(
          "  Onboarded "
              + coop.displayName()
              + " ("
              + coop.id()
              + "): "
              + coop.verification().wireValue());
      sandbox.clock().advance(Duration.ofMinutes(2)); // the register check takes a minute here
      String verification = catalog.artisans().get(coop.id()).verification().wireValue();
      out.println("  A minute later on the sandbox clock: " + verification);

      // [snippet:publish]
      Product rug =
          catalog
              .products()
              .create(
                  ProductCreateParams.builder()
                      .sku("TIF-RUG-0001")
                      .artisanId(coop.id())
                      .craft("knotted_rug")
                      .title(
                          LocalizedText.builder()
                              .put("ar", "زربية أمازيغية من أزيلال")
                              .put("fr", "Tapis amazigh d'Azilal")
                              .put("en", "Amazigh rug from Azilal")
                              .put("es", "Alfombra amazigh de Azilal")
                              .build())
                      .price(Money.parse("4800.00", "MAD"))
                      .stock(2)
                      .hsCode("570110")
                      .labels(List.of("morocco_handmade"))
                      .image("https://cdn.example.com/tifawin/rug-0001.jpg")
                      .build());
      // [end]
      out.println("  Published " + rug.sku() + " (" + rug.id() + ") at " + rug.price());

      // [snippet:order]
      FxQuote usd = catalog.fxQuotes().create("MAD", "USD");
      Order order =
          catalog
              .orders()
              .create(
                  OrderCreateParams.builder()
                      .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                      .line(rug.id(), 1)
                      .shipping(new OrderCreateParams.Shipping("US", "1 Main St, Springfield IL"))
                      .displayIn(usd)
                      .build());
      // [end]
      out.println(
          "  Order "
              + order.id()
              + ": "
              + order.total()
              + " (the buyer sees "
              + order.displayTotal()
              + ")");

      // [snippet:pay]
      Payment payment =
          payments
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(order.total())
                      .orderReference(order.id())
                      .artisanId(coop.id())
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build());
      Order paid = catalog.orders().get(order.id());
      Order shipped = catalog.orders().ship(order.id(), "MA-COLIS-000123");
      // [end]
      out.println(
          "  Payment "
              + payment.id()
              + " "
              + payment.statusAsString()
              + " → order "
              + paid.statusAsString());
      out.println("  Shipped with tracking " + shipped.trackingNumber());
      return new Result(refused, verification, rug, paid, shipped);
    }
  }
}
