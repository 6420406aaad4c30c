package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.Test;

/**
 * One value the SDK cannot interpret never makes its neighbours unreadable (issue 15): a currency
 * this Java runtime does not know (the contract allows any three capitals), a language key that is
 * not a well-formed tag, a status newer than the SDK. The odd product is kept, its odd values raw.
 */
class UninterpretableValuesTest {
  private final Json json = new Json();

  /** A product as the API sends it, with the price's currency, the title and the status given. */
  static String product(String id, String currency, String title, String status) {
    return "{\"id\":\""
        + id
        + "\",\"sku\":\"SKU-"
        + id
        + "\",\"artisan_id\":\"art_1\",\"craft\":\"kilim\",\"title\":"
        + title
        + ",\"price\":{\"amount_minor\":150000,\"currency\":\""
        + currency
        + "\"},\"stock\":2,\"antique\":false,\"status\":\""
        + status
        + "\",\"version\":3,\"created_at\":\"2026-11-29T10:00:00Z\","
        + "\"updated_at\":\"2026-11-29T10:00:00Z\"}";
  }

  private static final String PLAIN = "{\"fr\":\"Kilim\",\"ar\":\"حنبل\"}";
  private static final String ODD_TITLE = "{\"fr\":\"Kilim\",\"fr_FR!\":\"Kilim bleu\"}";

  private static List<String> threeProductsTheMiddleOneOdd() {
    return List.of(
        product("prd_1", "MAD", PLAIN, "active"),
        product("prd_2", "QZX", ODD_TITLE, "frozen"),
        product("prd_3", "MAD", PLAIN, "active"));
  }

  private static void assertTheOddOneIsKeptRaw(Product odd) {
    assertThat(odd.price().currencyCode()).isEqualTo("QZX");
    assertThat(odd.price().amountMinor()).isEqualTo(150_000);
    assertThat(odd.price().currency()).isEmpty();
    assertThat(odd.title().resolve("fr")).isEqualTo("Kilim");
    assertThat(odd.title().asMap()).containsEntry("fr_FR!", "Kilim bleu");
    assertThat(odd.status()).isEqualTo(ProductStatus.UNKNOWN);
    assertThat(odd.statusAsString()).isEqualTo("frozen");
  }

  @Test
  void anExportLineWithAnUnknownCurrencyAndAMalformedLabelKeyDoesNotStopTheExport()
      throws Exception {
    String body =
        String.join("\n", threeProductsTheMiddleOneOdd()) + "\n{\"export_cursor\":\"c\"}\n";
    try (HostileNdjsonServer server =
            new HostileNdjsonServer(out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
        CatalogClient catalog =
            CatalogClient.builder().apiKey("sk_test_odd12345").baseUrl(server.baseUrl()).build();
        ProductExport export = catalog.products().export()) {
      List<Product> products = new ArrayList<>();
      export.forEach(products::add);

      assertThat(products).extracting(Product::id).containsExactly("prd_1", "prd_2", "prd_3");
      assertThat(export.isComplete()).isTrue();
      assertTheOddOneIsKeptRaw(products.get(1));
    }
  }

  @Test
  void aListPageWithOneOddProductDecodesEveryProduct() throws IOException {
    String page =
        "{\"data\":["
            + String.join(",", threeProductsTheMiddleOneOdd())
            + "],\"next_cursor\":\"c\",\"has_more\":true}";

    Page<Product> decoded =
        Objects.requireNonNull(json.decode(bytes(page), new TypeRef<Page<Product>>() {}));

    assertThat(decoded.data()).hasSize(3);
    assertTheOddOneIsKeptRaw(decoded.data().get(1));
  }

  @Test
  void aFeedPageWithOneOddProductDecodesEveryChange() throws IOException {
    List<String> changes = new ArrayList<>();
    int i = 0;
    for (String p : threeProductsTheMiddleOneOdd()) {
      changes.add(
          "{\"change_id\":\"chg_"
              + ++i
              + "\",\"type\":\"upsert\",\"product_id\":\"prd_"
              + i
              + "\",\"version\":3,\"product\":"
              + p
              + ",\"occurred_at\":\"2026-11-29T10:00:00Z\"}");
    }
    String page =
        "{\"data\":[" + String.join(",", changes) + "],\"next_cursor\":\"c2\",\"has_more\":false}";

    ChangePage decoded =
        Objects.requireNonNull(json.decode(bytes(page), TypeRef.of(ChangePage.class)));

    assertThat(decoded.data()).hasSize(3);
    assertTheOddOneIsKeptRaw(Objects.requireNonNull(decoded.data().get(1).product()));
  }

  @Test
  void aFeedChangeOfATypeNewerThanTheSdkIsKeptAndIsNotADeletion() throws IOException {
    String change =
        "{\"change_id\":\"chg_1\",\"type\":\"relabel\",\"product_id\":\"prd_1\",\"version\":4,"
            + "\"occurred_at\":\"2026-11-29T10:00:00Z\"}";

    ProductChange decoded =
        Objects.requireNonNull(json.decode(bytes(change), TypeRef.of(ProductChange.class)));

    assertThat(decoded.type()).isEqualTo(ProductChangeType.UNKNOWN);
    assertThat(decoded.typeAsString()).isEqualTo("relabel");
    assertThat(decoded.isDelete()).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
