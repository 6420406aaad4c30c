package ma.hirfa.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogChange;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.catalog.DisplayPrice;
import ma.hirfa.sdk.catalog.ExportProgress;
import ma.hirfa.sdk.catalog.FileCheckpointStore;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import ma.hirfa.sdk.catalog.SyncReport;
import ma.hirfa.sdk.testkit.Sandbox;

/**
 * An e-commerce partner (a French retailer) importing the artisan catalog: the first full import
 * with a progress bar, a restart that follows the change feed from its checkpoint, and a product
 * shown in Arabic, French, English and Spanish with its MAD price and a EUR display price.
 */
public final class PartnerScenario {
  /** What happened, for the tour's test. */
  public record Result(
      long imported,
      long followed,
      int shopSize,
      int sandboxSize,
      Map<String, String> titles,
      DisplayPrice price) {}

  private PartnerScenario() {}

  public static Result run(Sandbox sandbox, PrintStream out) throws IOException {
    Path dir = Files.createTempDirectory("hirfa-sync");
    try {
      return run(sandbox, out, dir.resolve("catalog.checkpoint"));
    } finally {
      deleteTree(dir); // the tour leaves nothing behind in the temp directory
    }
  }

  private static Result run(Sandbox sandbox, PrintStream out, Path checkpoint) {
    Shop shop = new Shop(new HashMap<>(), new HashMap<>()); // the retailer's own store
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
              + shop.products().size()
              + " products, the marketplace "
              + sandbox.catalog().productCount()
              + ".");

      // [snippet:display]
      Product rug = catalog.products().get("prd_S000000");
      Map<String, String> titles = new HashMap<>();
      for (String lang : List.of("ar", "fr", "en", "es")) {
        titles.put(lang, rug.title(Locale.forLanguageTag(lang)));
      }
      FxQuote quote = catalog.fxQuotes().create("MAD", "EUR");
      DisplayPrice price = quote.display(rug.price());
      // [end]
      for (String lang : List.of("ar", "fr", "en", "es")) {
        out.println("  " + lang + ": " + titles.get(lang));
      }
      out.println(
          "  Price: "
              + rug.price().format(Locale.forLanguageTag("fr-MA"))
              + " · for a buyer in Spain "
              + price.format(Locale.forLanguageTag("es-ES"))
              + " ("
              + price.disclosure()
              + ")");
      return new Result(
          first.imported(),
          second.upserts() + second.deletes(),
          shop.products().size(),
          sandbox.catalog().productCount(),
          titles,
          price);
    }
  }

  /** The retailer's store: products by id, and the versions of deleted ids (tombstones). */
  record Shop(Map<String, Product> products, Map<String, Long> deleted) {}

  /** One run of the importer: in production, a scheduled job. */
  private static SyncReport sync(
      CatalogClient catalog, Path checkpoint, Shop shop, Consumer<ExportProgress> progress) {
    // [snippet:sync]
    SyncReport report =
        CatalogSync.builder(catalog)
            .checkpointStore(FileCheckpointStore.at(checkpoint))
            .heldProductIds(() -> shop.products().keySet().stream())
            .importProgress(progress)
            .handler(
                change -> {
                  // A change can come twice or out of order: apply it only if it is newer.
                  String id = change.productId();
                  Product held = shop.products().get(id);
                  long version =
                      held != null ? held.version() : shop.deleted().getOrDefault(id, -1L);
                  if (change.version() <= version) {
                    return;
                  }
                  if (change instanceof CatalogChange.Upsert u) {
                    shop.products().put(id, u.product());
                  } else {
                    shop.products().remove(id);
                    shop.deleted().put(id, change.version()); // a tombstone
                  }
                })
            .build()
            .runUntilCaughtUp();
    // [end]
    return report;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void changeSomeProducts(CatalogClient catalog) {
    for (String id : List.of("prd_S000001", "prd_S000002", "prd_S000003")) {
      Product p = catalog.products().get(id);
      catalog
          .products()
          .update(p.id(), p.etag(), ProductUpdateParams.from(p).stock(p.stock() + 5).build());
    }
    catalog.products().delete("prd_S000004", ProductDeleteParams.anyVersion());
  }
}
