package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Marketplace API's catalog half, driven over plain HTTP. */
class SandboxCatalogTest {
  private Sandbox sandbox;
  private Http http;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(250).seed(7).start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static String product(String sku, String extra) {
    return "{\"sku\":\""
        + sku
        + "\",\"artisan_id\":\"art_S000001\",\"craft\":\"kilim\","
        + "\"title\":{\"ar\":\"حنبل\",\"fr\":\"Kilim bleu\",\"en\":\"Blue kilim\"},"
        + "\"price\":{\"amount_minor\":180000,\"currency\":\"MAD\"},\"stock\":3,"
        + "\"hs_code\":\"570210\",\"images\":[{\"url\":\"https://img.example/k.jpg\"}]"
        + extra
        + "}";
  }

  @Test
  void theTaxonomyIsLabelledSampleDataAndCachedByEtag() {
    Http.Reply first = http.get("/v1/taxonomy");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("sample").asBoolean()).isTrue();
    JsonNode crafts = first.json().path("categories").get(0).path("branches").get(0).path("crafts");
    assertThat(crafts.get(0).path("label").path("ar").asText()).isNotBlank();
    assertThat(crafts.get(0).path("label").path("fr").asText()).isNotBlank();

    Http.Reply again = http.get("/v1/taxonomy", "If-None-Match", first.header("etag"));
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void productPagesWalkTheWholeCatalogOnceInOrder() {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Http.Reply page =
          http.get("/v1/products?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.json().path("data").forEach(p -> ids.add(p.path("id").asText()));
      cursor =
          page.json().path("has_more").asBoolean()
              ? page.json().path("next_cursor").asText()
              : null;
    } while (cursor != null);
    assertThat(ids).hasSize(250).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo("prd_S000000");
  }

  @Test
  void filtersKeepOnlyMatchingProducts() {
    JsonNode page = http.get("/v1/products?limit=100&status=draft").json();
    assertThat(page.path("data")).isNotEmpty();
    page.path("data").forEach(p -> assertThat(p.path("status").asText()).isEqualTo("draft"));
  }

  @Test
  void seededProductsCarryFiveLanguagesMadPricesHsCodesAndSayTheyAreSamples() {
    JsonNode p = http.get("/v1/products/prd_S000000").json();
    assertThat(p.path("title").has("ar")).isTrue();
    assertThat(p.path("title").has("fr")).isTrue();
    assertThat(p.path("price").path("currency").asText()).isEqualTo("MAD");
    assertThat(p.path("hs_code").asText()).matches("\\d{6}");
    assertThat(p.path("description").path("en").asText()).contains("Sample data");
    assertThat(p.path("images").get(0).path("url").asText()).startsWith("https://");
  }

  @Test
  void aReadCarriesAnEtagAndIfNoneMatchAnswers304() {
    Http.Reply first = http.get("/v1/products/prd_S000003");
    Http.Reply again = http.get("/v1/products/prd_S000003", "If-None-Match", first.header("etag"));
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void anUpdateWithTheCurrentEtagBumpsTheVersion() {
    String etag = http.get("/v1/products/prd_S000004").header("etag");
    String sku = http.get("/v1/products/prd_S000004").json().path("sku").asText();
    Http.Reply put =
        http.call("PUT", "/v1/products/prd_S000004", product(sku, ""), "If-Match", etag);
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("version").asLong()).isEqualTo(2);
    assertThat(put.header("etag")).isNotEqualTo(etag);
  }

  @Test
  void anUpdateWithAStaleEtagIs412AndChangesNothing() {
    String etag = http.get("/v1/products/prd_S000005").header("etag");
    String sku = http.get("/v1/products/prd_S000005").json().path("sku").asText();
    http.call("PUT", "/v1/products/prd_S000005", product(sku, ""), "If-Match", etag);

    Http.Reply stale =
        http.call(
            "PUT", "/v1/products/prd_S000005", product(sku, ",\"stock\":9"), "If-Match", etag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("code").asText()).isEqualTo("version_conflict");
    assertThat(sandbox.catalog().version("prd_S000005")).isEqualTo(2);
  }

  @Test
  void anUpdateWithoutIfMatchBreaksTheContract() {
    Http.Reply r = http.call("PUT", "/v1/products/prd_S000006", product("SAMPLE-00000006", ""));
    assertThat(r.body()).contains("If-Match");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asText()).isEqualTo("contract_violation");
  }

  @Test
  void eachCatalogRuleIsAFieldError() {
    String bad =
        "{\"sku\":\"K-1\",\"artisan_id\":\"art_nobody\",\"craft\":\"violin\","
            + "\"title\":{\"en\":\"Only English\"},"
            + "\"price\":{\"amount_minor\":100,\"currency\":\"EUR\"},"
            + "\"images\":[{\"url\":\"http://img.example/k.jpg\"}]}";
    Http.Reply r = http.post("/v1/products", bad);
    assertThat(r.status()).isEqualTo(422);
    Set<String> fields = new HashSet<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "artisan_id", "craft", "title", "price.currency", "images[0].url");
  }

  @Test
  void aTextThatIsNotNfcIsRefused() {
    String decomposed = "Cafe\u0301";
    Http.Reply r =
        http.post("/v1/products", product("NFC-1", "").replace("Kilim bleu", decomposed));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("title.fr");
  }

  @Test
  void aSecondProductWithTheSameSkuIs409() {
    assertThat(http.post("/v1/products", product("DUP-1", "")).status()).isEqualTo(201);
    Http.Reply r = http.post("/v1/products", product("DUP-1", ""));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("code").asText()).isEqualTo("sku_taken");
  }

  @Test
  void aBatchWithThreeInvalidItemsReportsThoseThreeAndAppliesTheRest() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(product("BATCH-" + i, ""));
    }
    items.set(2, items.get(2).replace("\"currency\":\"MAD\"", "\"currency\":\"USD\""));
    items.set(5, items.get(5).replace("\"hs_code\":\"570210\"", "\"hs_code\":\"57\""));
    items.set(7, items.get(7).replace("https://img", "http://img"));
    Http.Reply r = http.post("/v1/products/batch", "{\"items\":[" + String.join(",", items) + "]}");

    assertThat(r.status()).isEqualTo(200);
    JsonNode results = r.json().path("results");
    assertThat(results).hasSize(10);
    List<Integer> failed = new ArrayList<>();
    results.forEach(
        x -> {
          if (x.path("status").asText().equals("failed")) {
            failed.add(x.path("index").asInt());
          } else {
            assertThat(x.path("status").asText()).isEqualTo("created");
          }
        });
    assertThat(failed).containsExactly(2, 5, 7);
    assertThat(results.get(5).path("errors").get(0).path("field").asText()).isEqualTo("hs_code");
    assertThat(sandbox.catalog().productCount()).isEqualTo(257);
  }

  @Test
  void aBatchMatchesBySkuAndReportsUnchangedAndUpdatedItems() {
    http.post(
        "/v1/products/batch",
        "{\"items\":[" + product("B-1", "") + "," + product("B-2", "") + "]}");
    Http.Reply r =
        http.post(
            "/v1/products/batch",
            "{\"items\":[" + product("B-1", "") + "," + product("B-2", ",\"stock\":7") + "]}");
    assertThat(r.json().path("results").get(0).path("status").asText()).isEqualTo("unchanged");
    assertThat(r.json().path("results").get(1).path("status").asText()).isEqualTo("updated");
  }

  @Test
  void theExportStreamsEveryProductThenTheFeedCursor() {
    HttpResponse<Stream<String>> r = http.lines("/v1/products/export");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/x-ndjson");
    assertThat(r.headers().firstValue("content-length")).isEmpty();
    List<String> lines = r.body().collect(Collectors.toList());
    assertThat(lines).hasSize(251);
    assertThat(lines.get(0)).startsWith("{\"id\":\"prd_S000000\"");
    assertThat(lines.get(250)).startsWith("{\"export_cursor\":");
  }

  @Test
  void theFeedAfterAnExportHoldsEveryLaterChangeInOrderWithStableIds() throws Exception {
    String cursor = exportCursor();
    Http.Reply read = http.get("/v1/products/prd_S000010");
    String sku = read.json().path("sku").asText();
    Http.Reply put =
        http.call(
            "PUT", "/v1/products/prd_S000010", product(sku, ""), "If-Match", read.header("etag"));
    assertThat(put.status()).isEqualTo(200);
    http.call("DELETE", "/v1/products/prd_S000011", null);
    http.post("/v1/products", product("NEW-1", ""));

    JsonNode page = http.get("/v1/products/changes?cursor=" + cursor).json();
    List<String> kinds = new ArrayList<>();
    page.path("data")
        .forEach(c -> kinds.add(c.path("type").asText() + " " + c.path("product_id").asText()));
    String created = kinds.get(2).substring(7);
    assertThat(kinds)
        .containsExactly("upsert prd_S000010", "delete prd_S000011", "upsert " + created);
    // Not a seeded product's id (prd_S and six base-36 digits); a created id may start with S too.
    assertThat(created).startsWith("prd_").doesNotMatch("prd_S[0-9A-Z]{6}");
    assertThat(page.path("data").get(1).has("product")).isFalse();
    assertThat(page.path("has_more").asBoolean()).isFalse();
    JsonNode again = http.get("/v1/products/changes?cursor=" + cursor).json();
    assertThat(again.path("data").get(0).path("change_id"))
        .isEqualTo(page.path("data").get(0).path("change_id"));
    JsonNode after =
        http.get("/v1/products/changes?cursor=" + page.path("next_cursor").asText()).json();
    assertThat(after.path("data")).isEmpty();
    assertThat(http.get("/v1/products/prd_S000011").status()).isEqualTo(404);
    assertThat(sandbox.catalog().productCount()).isEqualTo(250);
  }

  @Test
  void aChangeMadeWhileTheExportStreamsIsInTheFeedAfterItsCursor() {
    try (Sandbox big = Sandbox.builder().catalogSize(20_000).start()) {
      Http h = new Http(big);
      HttpResponse<Stream<String>> r = h.lines("/v1/products/export");
      var it = r.body().iterator();
      it.next();
      Http.Reply read = h.get("/v1/products/prd_S000001");
      String sku = read.json().path("sku").asText();
      h.call("PUT", "/v1/products/prd_S000001", product(sku, ""), "If-Match", read.header("etag"));
      String last = null;
      while (it.hasNext()) {
        last = it.next();
      }
      String cursor = last.substring(last.indexOf(":\"") + 2, last.lastIndexOf('"'));
      JsonNode feed = h.get("/v1/products/changes?cursor=" + cursor).json();
      assertThat(feed.path("data").get(0).path("product_id").asText()).isEqualTo("prd_S000001");
    }
  }

  @Test
  void anExportResumesAfterTheLastProductReceivedAndAnnouncesItsCursorFirst() {
    HttpResponse<Stream<String>> r = http.lines("/v1/products/export?after=prd_S00006U");
    List<String> lines = r.body().collect(Collectors.toList());
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("{\"id\":\"prd_S00006V\"");
    assertThat(lines.get(3)).contains(r.headers().firstValue("export-cursor").orElseThrow());
  }

  @Test
  void theSeedIsDeterministic() {
    try (Sandbox other = Sandbox.builder().catalogSize(250).seed(7).start()) {
      assertThat(other.catalog().checksum()).isEqualTo(sandbox.catalog().checksum());
    }
    try (Sandbox other = Sandbox.builder().catalogSize(250).seed(8).start()) {
      assertThat(other.catalog().checksum()).isNotEqualTo(sandbox.catalog().checksum());
    }
  }

  @Test
  void aHundredThousandProductsStartInUnderTenSeconds() {
    long t0 = System.nanoTime();
    try (Sandbox big = Sandbox.builder().catalogSize(100_000).start()) {
      Http h = new Http(big);
      assertThat(h.get("/v1/products/prd_S00255R").status()).isEqualTo(200);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).isLessThan(10_000);
      assertThat(big.catalog().productCount()).isEqualTo(100_000);
    }
  }

  @Test
  void aMillionProductCatalogCostsAlmostNoHeap() {
    long before = usedHeapAfterGc();
    try (Sandbox big = Sandbox.builder().catalogSize(1_000_000).start()) {
      Http h = new Http(big);
      JsonNode last = h.get("/v1/products/prd_S00LFLR").json();
      assertThat(last.path("sku").asText()).isEqualTo("SAMPLE-00999999");
      assertThat(big.catalog().productCount()).isEqualTo(1_000_000);
      long retained = usedHeapAfterGc() - before;
      assertThat(retained).isLessThan(64L << 20);
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private String exportCursor() {
    List<String> lines = http.lines("/v1/products/export").body().collect(Collectors.toList());
    String last = lines.get(lines.size() - 1);
    return last.substring(last.indexOf(":\"") + 2, last.lastIndexOf('"'));
  }
}
