package ma.hirfa.sdk.catalog;

import java.time.Duration;
import ma.hirfa.sdk.core.ResponseDecodingException;

/**
 * Run by {@link ExportLineCapMemoryTest} in a JVM with a small heap: exports from a server that
 * sends one endless line, with the client's defaults, and prints how it ended.
 */
public final class EndlessLineMain {
  private EndlessLineMain() {}

  public static void main(String[] args) {
    try (CatalogClient catalog =
            CatalogClient.builder()
                .apiKey("sk_test_hostile12345")
                .baseUrl(args[0])
                .configure(o -> o.readTimeout(Duration.ofSeconds(30)))
                .build();
        ProductExport export = catalog.products().export()) {
      export.forEach(p -> {});
      System.out.println("completed");
    } catch (ResponseDecodingException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
