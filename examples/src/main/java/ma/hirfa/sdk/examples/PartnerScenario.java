package ma.hirfa.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.hirfa.sdk.catalog.CatalogChange;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.DisplayPrice;
import ma.hirfa.sdk.catalog.FileCheckpointStore;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.testkit.Sandbox;

/**
 * An e-commerce partner (a French retailer) importing the artisan catalog: the first full import
 * with a progress bar, a restart that follows the change feed from its checkpoint, and a product
 * shown in Arabic, French, English and Spanish with its MAD price and a EUR display price.
 */
public final class PartnerScenario {
  /** What happened, for the tour's test. */
  public record Outcome(
      long imported,
      long followed,
      int shopSize,
      int sandboxSize,
      Map<String, String> titles,
      DisplayPrice price) {}

  private PartnerScenario() {}

  public static Outcome run(Sandbox sandbox, PrintStream out) throws IOException {
    Path checkpoint = Files.createTempDirectory("hirfa-sync").resolve("catalog.checkpoint");
    Map<String, Product> shop = new HashMap<>(); // the retailer's own store
    long total = sandbox.catalog().productCount();
    try (CatalogClient catalog =
        CatalogClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
      out.println("  First import of " + total + " products, streamed in constant memory:");
      SyncReport first = sync(catalog, checkpoint, shop, ProgressBar.forStdout(out, total));
      out.println(
          "  Imported "
              + first.imported()
              + " products; checkpoint saved in "
              + checkpoint.getFileName()
              + ".");

      out.println("  Meanwhile, artisans change 3 products and retire 1...");
      changeSomeProducts(catalog);

      out.println("  The importer restarts and resumes from its checkpoint (no second import):");
      SyncReport second = sync(catalog, checkpoint, shop, p -> {});
      out.println(
          "  Followed "
              + (second.upserts() + second.deletes())
              + " changes from the feed; the shop holds "
              + shop.size()
              + " products, the marketplace "
              + sandbox.catalog().productCount()
              + ".");

      // [snippet:display]
      Product rug = catalog.products().get("prd_S000000");
      Map<String, String> titles = new HashMap<>();
      for (String lang : List.of("ar", "fr", "en", "es")) {
        titles.put(lang, rug.title(Locale.forLanguageTag(lang)));
        out.println("  " + lang + ": " + titles.get(lang));
      }
      FxQuote quote = catalog.fxQuotes().create("MAD", "EUR");
      DisplayPrice price = quote.display(rug.price());
      // [end]
      out.println(
          "  Price: "
              + rug.price().format(Locale.forLanguageTag("fr-MA"))
              + " · for a buyer in Spain "
              + price.format(Locale.forLanguageTag("es-ES"))
              + " ("
              + price.disclosure()
              + ")");
      return new Outcome(
          first.imported(),
          second.upserts() + second.deletes(),
          shop.size(),
          sandbox.catalog().productCount(),
          titles,
          price);
    }
  }

  /** One run of the importer: in production, a scheduled job. */
  private static SyncReport sync(
      CatalogClient catalog,
      Path checkpoint,
      Map<String, Product> shop,
      java.util.function.Consumer<ma.hirfa.sdk.catalog.ExportProgress> progress) {
    // [snippet:sync]
    return CatalogSync.builder(catalog)
        .checkpointStore(FileCheckpointStore.at(checkpoint))
        .importProgress(progress)
        .handler(
            change -> {
              if (change instanceof CatalogChange.Upsert u) {
                shop.put(u.productId(), u.product()); // idempotent: keyed by product id
              } else {
                shop.remove(change.productId());
              }
            })
        .build()
        .runUntilCaughtUp();
    // [end]
  }

  private static void changeSomeProducts(CatalogClient catalog) {
    for (String id : List.of("prd_S000001", "prd_S000002", "prd_S000003")) {
      Product p = catalog.products().get(id);
      catalog.products().update(p, p.toInput().stock(p.stock() + 5).build());
    }
    catalog.products().delete("prd_S000004");
  }
}
