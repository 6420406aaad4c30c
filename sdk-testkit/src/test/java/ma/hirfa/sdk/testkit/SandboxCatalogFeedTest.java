package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's contract (versions on every change, retention and {@code 410 cursor_expired}, the
 * export's headers) and the {@link CatalogFaults} knobs, every answer checked against the contract.
 */
class SandboxCatalogFeedTest {
  private Sandbox sandbox;
  private Http http;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(20).seed(9).start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String exportCursor() {
    return http.lines("/v1/products/export").headers().firstValue("export-cursor").orElseThrow();
  }

  private void touch(String id) {
    Http.Reply read = http.get("/v1/products/" + id);
    String sku = read.json().path("sku").asText();
    Http.Reply put =
        http.call(
            "PUT",
            "/v1/products/" + id,
            SandboxCatalogTest.product(
                sku, ",\"stock\":" + (read.json().path("stock").asInt() + 1)),
            "If-Match",
            read.header("etag"));
    assertThat(put.status()).isEqualTo(200);
  }

  private JsonNode page(String cursor, int limit) {
    Http.Reply r = http.get("/v1/products/changes?limit=" + limit + "&cursor=" + cursor);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void everyChangeCarriesTheVersionItLeftTheProductAtDeletionsIncluded() {
    String cursor = exportCursor();
    touch("prd_S000001");
    touch("prd_S000001");
    http.call("DELETE", "/v1/products/prd_S000001", null);

    List<Long> versions = new ArrayList<>();
    page(cursor, 10).path("data").forEach(c -> versions.add(c.path("version").asLong()));

    assertThat(versions).containsExactly(2L, 3L, 4L);
  }

  @Test
  void aCursorOlderThanTheRetentionAnswers410CursorExpired() {
    String old = exportCursor();
    touch("prd_S000002");
    sandbox.clock().advance(Duration.ofDays(8));
    touch("prd_S000003");

    Http.Reply r = http.get("/v1/products/changes?cursor=" + old);

    assertThat(r.status()).isEqualTo(410);
    assertThat(r.json().path("code").asText()).isEqualTo("cursor_expired");
    assertThat(page(exportCursor(), 10).path("data")).isEmpty();
  }

  @Test
  void expiringCursorsExpiresEveryCursorIssuedSoFar() {
    String old = exportCursor();
    sandbox.catalogFaults().expireCursors();

    assertThat(http.get("/v1/products/changes?cursor=" + old).status()).isEqualTo(410);
    assertThat(page(exportCursor(), 10).path("has_more").asBoolean()).isFalse();
  }

  @Test
  void theExportAnnouncesItsCursorAndCountUnlessToldNotTo() {
    http.call("DELETE", "/v1/products/prd_S000004", null);
    HttpResponse<Stream<String>> r = http.lines("/v1/products/export");
    assertThat(r.headers().firstValue("export-product-count")).hasValue("19");
    assertThat(r.body().count()).isEqualTo(20);
    HttpResponse<Stream<String>> after = http.lines("/v1/products/export?after=prd_S000009");
    assertThat(after.headers().firstValue("export-product-count")).hasValue("10");

    sandbox.catalogFaults().omitExportHeaders(1);
    HttpResponse<Stream<String>> bare = http.lines("/v1/products/export");
    assertThat(bare.headers().firstValue("export-cursor")).isEmpty();
    assertThat(bare.headers().firstValue("export-product-count")).isEmpty();
  }

  @Test
  void exportsCanBeCutAtAByteOrBeforeTheirEndOrSpelledWithSpaces() {
    sandbox.catalogFaults().cutExportAt(10);
    assertThat(http.lines("/v1/products/export").body().collect(Collectors.joining("\n")))
        .hasSize(10);
    sandbox.catalogFaults().cutExportBeforeEnd(1).spacedClosingLine(true);
    List<String> lines = http.lines("/v1/products/export").body().collect(Collectors.toList());
    assertThat(lines.get(lines.size() - 1)).startsWith("{ \"export_cursor\" : \"").endsWith("}");
  }

  @Test
  void stalledThinReplayedAndShuffledPagesStayWithinTheContract() {
    String cursor = exportCursor();
    for (int i = 0; i < 6; i++) {
      touch("prd_S00000" + i);
    }
    sandbox.catalogFaults().stallFeed(1);
    JsonNode stalled = page(cursor, 3);
    assertThat(stalled.path("data")).isEmpty();
    assertThat(stalled.path("has_more").asBoolean()).isTrue();
    assertThat(stalled.path("next_cursor").asText()).isEqualTo(cursor);

    sandbox.catalogFaults().thinChanges(1);
    JsonNode thin = page(cursor, 3);
    assertThat(thin.path("data"))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.has("product")).isFalse());

    String second = thin.path("next_cursor").asText();
    sandbox.catalogFaults().replayFeedPages(1);
    JsonNode replayed = page(second, 3);
    assertThat(replayed.path("data").get(0).path("change_id").asText())
        .isEqualTo(thin.path("data").get(0).path("change_id").asText());

    sandbox.catalogFaults().shuffleFeedPages(1);
    List<String> ids = new ArrayList<>();
    page(cursor, 6).path("data").forEach(c -> ids.add(c.path("change_id").asText()));
    assertThat(ids).containsExactlyInAnyOrder("chg_1", "chg_2", "chg_3", "chg_4", "chg_5", "chg_6");
  }
}
