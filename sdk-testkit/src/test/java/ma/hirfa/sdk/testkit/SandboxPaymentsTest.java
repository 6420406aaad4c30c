package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every payment method walks its state machine to success and to failure, over plain HTTP. */
class SandboxPaymentsTest {
  static Sandbox sandbox;
  static Http http;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode refresh(String id) {
    return http.get("/v1/payments/" + id).json();
  }

  @Test
  void cardPaymentSucceedsAtOnceAndShowsTheFeeSplit() {
    Http.Reply r = http.post("/v1/payments", Http.card("4242424242424242", "ORD-card-ok"));

    assertThat(r.status()).isEqualTo(201);
    JsonNode p = r.json();
    assertThat(p.path("id").asText()).startsWith("pay_");
    assertThat(p.path("status").asText()).isEqualTo("succeeded");
    assertThat(p.path("amount_captured").path("amount_minor").asLong()).isEqualTo(125000);
    assertThat(p.path("fee_split").path("platform_fee").path("amount_minor").asLong())
        .isEqualTo(9375);
    assertThat(p.path("fee_split").path("artisan_amount").path("amount_minor").asLong())
        .isEqualTo(115625);
    assertThat(p.path("method").path("card_last4").asText()).isEqualTo("4242");
    assertThat(r.body()).doesNotContain("4242424242424242").doesNotContain("\"cvc\"");
    assertThat(r.header("Request-Id")).startsWith("req_");
  }

  @Test
  void threeDsCardRequiresARedirectThenSucceedsOrFails() {
    JsonNode p = http.post("/v1/payments", Http.card("4000000000003220", "ORD-3ds")).json();
    assertThat(p.path("status").asText()).isEqualTo("requires_action");
    assertThat(p.path("next_action").path("type").asText()).isEqualTo("redirect_to_url");
    assertThat(p.path("next_action").path("redirect_url").asText())
        .startsWith(sandbox.baseUrl() + "sandbox/3ds/");

    Http.Reply done =
        http.post("/sandbox/3ds/" + p.path("id").asText(), "{\"result\":\"approve\"}");
    assertThat(done.json().path("status").asText()).isEqualTo("succeeded");

    JsonNode q = http.post("/v1/payments", Http.card("4000000000003220", "ORD-3ds-fail")).json();
    JsonNode failed =
        http.post("/sandbox/3ds/" + q.path("id").asText(), "{\"result\":\"decline\"}").json();
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("failure_code").asText()).isEqualTo("authentication_failed");
  }

  @Test
  void declinedCardsFailWithTheirCode() {
    assertThat(
            http.post("/v1/payments", Http.card("4000000000000002", "ORD-d1"))
                .json()
                .path("failure_code")
                .asText())
        .isEqualTo("card_declined");
    assertThat(
            http.post("/v1/payments", Http.card("4000000000009995", "ORD-d2"))
                .json()
                .path("failure_code")
                .asText())
        .isEqualTo("insufficient_funds");
  }

  @Test
  void walletPaymentsApproveDeclineOrTimeOutAsTheClockMoves() {
    String ok = wallet("0611223344", "ORD-w-ok");
    String declined = wallet("+212600000002", "ORD-w-no");
    String silent = wallet("+212600000003", "ORD-w-timeout");
    assertThat(refresh(ok).path("next_action").path("type").asText()).isEqualTo("wallet_approval");

    sandbox.clock().advance(Duration.ofSeconds(11));
    assertThat(refresh(ok).path("status").asText()).isEqualTo("succeeded");
    assertThat(refresh(declined).path("failure_code").asText()).isEqualTo("wallet_declined");
    assertThat(refresh(silent).path("status").asText()).isEqualTo("requires_action");

    sandbox.clock().advance(Duration.ofMinutes(5));
    assertThat(refresh(silent).path("failure_code").asText()).isEqualTo("wallet_approval_timeout");
  }

  private static String wallet(String phone, String order) {
    Http.Reply r =
        http.post(
            "/v1/payments",
            Http.payment(
                "{\"type\":\"mobile_wallet\",\"mobile_wallet\":{\"phone\":\"" + phone + "\"}}",
                order,
                4500,
                "automatic"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.body()).doesNotContain(phone.substring(phone.length() - 6));
    return r.json().path("id").asText();
  }

  @Test
  void cashVoucherIsPaidAtTheCounterOrExpires() {
    JsonNode paid =
        http.post(
                "/v1/payments",
                Http.payment("{\"type\":\"cash_voucher\"}", "ORD-v1", 30000, "automatic"))
            .json();
    JsonNode unpaid =
        http.post(
                "/v1/payments",
                Http.payment("{\"type\":\"cash_voucher\"}", "ORD-v2", 30099, "automatic"))
            .json();
    assertThat(paid.path("next_action").path("voucher_code").asText()).hasSize(10);

    sandbox.clock().advance(Duration.ofHours(2));
    assertThat(refresh(paid.path("id").asText()).path("status").asText()).isEqualTo("succeeded");
    assertThat(refresh(unpaid.path("id").asText()).path("status").asText())
        .isEqualTo("requires_action");

    sandbox.clock().advance(Duration.ofDays(3));
    assertThat(refresh(unpaid.path("id").asText()).path("failure_code").asText())
        .isEqualTo("voucher_expired");
  }

  @Test
  void qrPaymentSucceedsOnceScanned() {
    JsonNode qr =
        http.post("/v1/payments", Http.payment("{\"type\":\"qr\"}", "ORD-qr", 8000, "automatic"))
            .json();
    assertThat(qr.path("next_action").path("qr_payload").asText()).isNotBlank();

    sandbox.clock().advance(Duration.ofSeconds(31));
    assertThat(refresh(qr.path("id").asText()).path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void manualCaptureAuthorizesThenCapturesPartOfTheAmount() {
    String body =
        Http.payment(
            "{\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2032,\"cvc\":\"999\"}}",
            "ORD-manual",
            200000,
            "manual");
    JsonNode p = http.post("/v1/payments", body).json();
    assertThat(p.path("status").asText()).isEqualTo("authorized");

    Http.Reply tooMuch =
        http.post(
            "/v1/payments/" + p.path("id").asText() + "/capture",
            "{\"amount\":{\"amount_minor\":300000,\"currency\":\"MAD\"}}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().path("errors").get(0).path("code").asText())
        .isEqualTo("exceeds_authorized");

    JsonNode captured =
        http.post(
                "/v1/payments/" + p.path("id").asText() + "/capture",
                "{\"amount\":{\"amount_minor\":150000,\"currency\":\"MAD\"}}")
            .json();
    assertThat(captured.path("status").asText()).isEqualTo("succeeded");
    assertThat(captured.path("amount_captured").path("amount_minor").asLong()).isEqualTo(150000);

    Http.Reply again = http.post("/v1/payments/" + p.path("id").asText() + "/cancel", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("code").asText()).isEqualTo("payment_not_cancelable");
  }

  @Test
  void refundsNeverExceedWhatRemains() {
    String id =
        http.post("/v1/payments", Http.card("4242424242424242", "ORD-refund"))
            .json()
            .path("id")
            .asText();

    Http.Reply partial =
        http.post(
            "/v1/refunds",
            "{\"payment_id\":\""
                + id
                + "\",\"amount\":{\"amount_minor\":100000,\"currency\":\"MAD\"}}");
    assertThat(partial.status()).isEqualTo(201);
    Http.Reply tooMuch =
        http.post(
            "/v1/refunds",
            "{\"payment_id\":\""
                + id
                + "\",\"amount\":{\"amount_minor\":25001,\"currency\":\"MAD\"}}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.header("Content-Type")).startsWith("application/problem+json");
    assertThat(tooMuch.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
    assertThat(tooMuch.json().path("errors").get(0).path("code").asText())
        .isEqualTo("refund_exceeds_remaining");

    Http.Reply rest = http.post("/v1/refunds", "{\"payment_id\":\"" + id + "\"}");
    assertThat(rest.json().path("amount").path("amount_minor").asLong()).isEqualTo(25000);
    assertThat(refresh(id).path("amount_refunded").path("amount_minor").asLong()).isEqualTo(125000);
  }

  @Test
  void payoutsCheckTheRibAndArriveAfterADay() {
    Http.Reply bad =
        http.post("/v1/payouts", payout("{\"type\":\"rib\",\"rib\":\"011519000001205000534922\"}"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().path("errors").get(0).path("field").asText())
        .isEqualTo("destination.rib");
    assertThat(bad.body()).doesNotContain("011519000001205000534922");

    JsonNode ok =
        http.post(
                "/v1/payouts",
                payout("{\"type\":\"iban\",\"iban\":\"MA64011519000001205000534921\"}"))
            .json();
    assertThat(ok.path("status").asText()).isEqualTo("pending");
    assertThat(ok.path("destination").path("last4").asText()).isEqualTo("4921");

    sandbox.clock().advance(Duration.ofDays(1));
    assertThat(http.get("/v1/payouts/" + ok.path("id").asText()).json().path("status").asText())
        .isEqualTo("paid");
  }

  @Test
  void payoutsInEuroAreRefused() {
    Http.Reply r =
        http.post(
            "/v1/payouts",
            "{\"artisan_id\":\"art_7QK2M9\",\"amount\":{\"amount_minor\":1000,\"currency\":\"EUR\"},"
                + "\"destination\":{\"type\":\"rib\",\"rib\":\"011519000001205000534921\"}}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("amount.currency");
  }

  private static String payout(String destination) {
    return "{\"artisan_id\":\"art_7QK2M9\",\"amount\":{\"amount_minor\":115625,\"currency\":\"MAD\"},\"destination\":"
        + destination
        + "}";
  }
}
