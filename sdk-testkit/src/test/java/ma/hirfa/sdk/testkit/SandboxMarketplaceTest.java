package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Artisans, orders and FX quotes of the Marketplace API, driven over plain HTTP. */
class SandboxMarketplaceTest {
  private static final String RIB = "011519000001205000534921";
  private Sandbox sandbox;
  private Http http;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(100).start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static String cooperative(String ice, String rib) {
    return "{\"nia\":\"NIA-77\",\"display_name\":\"Coopérative Tifawin\",\"status\":\"cooperative\","
        + "\"crafts\":[\"knotted_rug\"],\"region\":\"beni_mellal_khenifra\",\"city\":\"Azilal\","
        + (ice == null ? "" : "\"ice\":\"" + ice + "\",")
        + "\"payout_destination\":{\"type\":\"rib\",\"rib\":\""
        + rib
        + "\"}}";
  }

  @Test
  void aCooperativeIsCreatedPendingAndItsRibIsMaskedOnRead() {
    Http.Reply r = http.post("/v1/artisans", cooperative("001561191000066", RIB));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("verification").asText()).isEqualTo("pending");
    assertThat(r.json().path("payout_destination").path("last4").asText()).isEqualTo("4921");
    assertThat(r.body()).doesNotContain(RIB);
  }

  @Test
  void aCooperativeWithoutIceIsRefusedNamingTheField() {
    Http.Reply r = http.post("/v1/artisans", cooperative(null, RIB));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("ice");
  }

  @Test
  void aWrongIceAndAWrongRibAreBothNamed() {
    Http.Reply r =
        http.post("/v1/artisans", cooperative("001561191000065", "011519000001205000534922"));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body()).contains("\"field\":\"ice\"").contains("payout_destination.rib");
  }

  @Test
  void verificationHappensAMinuteLaterOnTheSandboxClock() {
    String id =
        http.post("/v1/artisans", cooperative("001561191000066", RIB)).json().path("id").asText();
    sandbox.clock().advance(Duration.ofSeconds(61));
    assertThat(http.get("/v1/artisans/" + id).json().path("verification").asText())
        .isEqualTo("verified");
  }

  @Test
  void aMergePatchChangesOnlyTheFieldsSentAndNullClearsLabels() {
    JsonNode before = http.get("/v1/artisans/art_S000003").json();
    Http.Reply r =
        http.call(
            "PATCH",
            "/v1/artisans/art_S000003",
            "{\"city\":\"Fès\",\"labels\":null}",
            "Content-Type",
            "application/merge-patch+json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("city").asText()).isEqualTo("Fès");
    assertThat(r.json().path("labels")).isEmpty();
    assertThat(r.json().path("display_name")).isEqualTo(before.path("display_name"));
    assertThat(r.json().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void aPatchWithAStaleIfMatchIs412() {
    Http.Reply r =
        http.call(
            "PATCH",
            "/v1/artisans/art_S000003",
            "{\"city\":\"Fès\"}",
            "Content-Type",
            "application/merge-patch+json",
            "If-Match",
            "\"art_S000003.0\"");
    assertThat(r.status()).isEqualTo(412);
  }

  @Test
  void artisansFilterByRegion() {
    JsonNode page = http.get("/v1/artisans?region=souss_massa&limit=100").json();
    page.path("data").forEach(a -> assertThat(a.path("region").asText()).isEqualTo("souss_massa"));
  }

  @Test
  void anOrderTakesStockAndShowsAnEurTotalFromAQuote() {
    JsonNode product = http.get("/v1/products/prd_S000002").json();
    long stock = product.path("stock").asLong();
    JsonNode quote = http.post("/v1/fx_quotes", "{\"from\":\"MAD\",\"to\":\"EUR\"}").json();
    assertThat(quote.path("rate").asText()).isEqualTo("0.092421");
    assertThat(quote.path("sample").asBoolean()).isTrue();

    Http.Reply order = http.post("/v1/orders", order("prd_S000002", 1, quote.path("id").asText()));
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    long total = order.json().path("total").path("amount_minor").asLong();
    assertThat(total).isEqualTo(product.path("price").path("amount_minor").asLong());
    assertThat(order.json().path("display_total").path("amount_minor").asLong())
        .isEqualTo(
            new java.math.BigDecimal(total)
                .multiply(new java.math.BigDecimal("0.092421"))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact());
    assertThat(http.get("/v1/products/prd_S000002").json().path("stock").asLong())
        .isEqualTo(stock - 1);
  }

  @Test
  void anExpiredQuoteIsRefused() {
    String quote =
        http.post("/v1/fx_quotes", "{\"from\":\"MAD\",\"to\":\"USD\"}").json().path("id").asText();
    sandbox.clock().advance(Duration.ofMinutes(11));
    Http.Reply r = http.post("/v1/orders", order("prd_S000002", 1, quote).replace("EUR", "USD"));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("quote_expired");
  }

  @Test
  void moreThanTheStockIsRefused() {
    Http.Reply r = http.post("/v1/orders", order("prd_S000002", 10_000, null));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("field").asText())
        .isEqualTo("lines[0].quantity");
  }

  @Test
  void aSucceededPaymentForTheOrderMarksItPaid() {
    JsonNode order = http.post("/v1/orders", order("prd_S000002", 1, null)).json();
    long total = order.path("total").path("amount_minor").asLong();
    String id = order.path("id").asText();
    Http.Reply pay =
        http.post(
            "/v1/payments",
            Http.payment(
                "{\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,"
                    + "\"exp_year\":2031,\"cvc\":\"123\"}}",
                id,
                total,
                "automatic"));
    assertThat(pay.json().path("status").asText()).isEqualTo("succeeded");
    JsonNode paid = http.get("/v1/orders/" + id).json();
    assertThat(paid.path("status").asText()).isEqualTo("paid");
    assertThat(paid.path("payment_ids").get(0).asText()).isEqualTo(pay.json().path("id").asText());
  }

  @Test
  void orderStatusMovesForwardAndAnIllegalMoveIs409() {
    String id = http.post("/v1/orders", order("prd_S000002", 1, null)).json().path("id").asText();
    assertThat(http.post("/v1/orders/" + id + "/status", "{\"status\":\"delivered\"}").status())
        .isEqualTo(409);
    assertThat(http.post("/v1/orders/" + id + "/status", "{\"status\":\"paid\"}").status())
        .isEqualTo(200);
    Http.Reply shipped =
        http.post(
            "/v1/orders/" + id + "/status", "{\"status\":\"shipped\",\"tracking_number\":\"MA1\"}");
    assertThat(shipped.json().path("tracking_number").asText()).isEqualTo("MA1");
  }

  @Test
  void aCancelledOrderGivesItsStockBack() {
    long stock = http.get("/v1/products/prd_S000002").json().path("stock").asLong();
    String id = http.post("/v1/orders", order("prd_S000002", 1, null)).json().path("id").asText();
    http.post("/v1/orders/" + id + "/status", "{\"status\":\"cancelled\"}");
    assertThat(http.get("/v1/products/prd_S000002").json().path("stock").asLong()).isEqualTo(stock);
  }

  @Test
  void catalogEventsReachARegisteredEndpoint() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      http.post(
          "/v1/webhook_endpoints",
          "{\"url\":\"" + receiver.url() + "\",\"events\":[\"product.deleted\"]}");
      http.call("DELETE", "/v1/products/prd_S000004", null);
      JsonNode event = Http.JSON.readTree(receiver.next(Duration.ofSeconds(5)));
      assertThat(event.path("type").asText()).isEqualTo("product.deleted");
      assertThat(event.path("data").path("object").path("id").asText()).isEqualTo("prd_S000004");
    }
  }

  private static String order(String product, int quantity, String quote) {
    return "{\"buyer\":{\"name\":\"Jane Roe\",\"email\":\"jane@example.com\"},"
        + "\"lines\":[{\"product_id\":\""
        + product
        + "\",\"quantity\":"
        + quantity
        + "}],\"shipping\":{\"country\":\"US\",\"address\":\"1 Main St, Springfield\"}"
        + (quote == null ? "" : ",\"display_currency\":\"EUR\",\"fx_quote_id\":\"" + quote + "\"")
        + "}";
  }
}
