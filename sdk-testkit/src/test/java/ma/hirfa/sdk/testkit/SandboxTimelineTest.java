package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What falls due on the sandbox clock happens at its own due time, whatever the jump: before the
 * fix, {@code advance(1 day)} applied a wallet approval due 10 seconds after creation at the end of
 * the jump, dated it the next day and took it out of that day's settlement.
 */
class SandboxTimelineTest {
  private static final Instant LATE = Instant.parse("2026-11-02T23:59:00Z");
  private static final String WALLET =
      "{\"type\":\"mobile_wallet\",\"mobile_wallet\":{\"phone\":\"+212612345678\"}}";
  private static final String VOUCHER = "{\"type\":\"cash_voucher\"}";

  Sandbox sandbox;
  Http http;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().clock(Clock.fixed(LATE, ZoneOffset.UTC)).start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aWalletApprovalIsDatedAtItsDueTimeWhenTheClockJumpsADay() {
    String id = create(WALLET, "ORD-late-wallet", 125_000);

    sandbox.clock().advance(Duration.ofDays(1));

    JsonNode paid = http.get("/v1/payments/" + id).json();
    assertThat(paid.path("status").asText()).isEqualTo("succeeded");
    assertThat(paid.path("updated_at").asText()).isEqualTo("2026-11-02T23:59:10Z");
  }

  @Test
  void aWalletApprovalDueBeforeMidnightStaysInThatDaysSettlement() {
    String id = create(WALLET, "ORD-late-wallet", 125_000);

    sandbox.clock().advance(Duration.ofDays(1));

    Http.Reply day = http.get("/v1/settlements/st_20261102MAD");
    assertThat(day.status()).as(day.body()).isEqualTo(200);
    assertThat(day.json().path("gross").path("amount_minor").asLong()).isEqualTo(125_000);
    assertThat(day.json().path("status").asText()).isEqualTo("available");
    String lines = http.get("/v1/settlements/st_20261102MAD/lines").body();
    assertThat(lines).contains(id).contains("\"occurred_at\":\"2026-11-02T23:59:10Z\"");
    assertThat(http.get("/v1/settlements/st_20261103MAD").status()).isEqualTo(404);
  }

  @Test
  void transitionsDueDuringOneAdvanceEachHappenAtTheirOwnTime() {
    String wallet = create(WALLET, "ORD-w", 10_000);
    String voucher = create(VOUCHER, "ORD-v", 20_000);
    String expiring = create(VOUCHER, "ORD-x", 30_099); // 99 centimes: never paid, expires

    sandbox.clock().advance(Duration.ofDays(5));

    assertThat(updatedAt(wallet)).isEqualTo("2026-11-02T23:59:10Z");
    assertThat(updatedAt(voucher)).isEqualTo("2026-11-03T01:59:00Z");
    assertThat(updatedAt(expiring)).isEqualTo("2026-11-05T23:59:00Z");
    assertThat(http.get("/v1/payments/" + expiring).json().path("status").asText())
        .isEqualTo("failed");
    assertThat(
            http.get("/v1/settlements/st_20261103MAD")
                .json()
                .path("gross")
                .path("amount_minor")
                .asLong())
        .isEqualTo(20_000);
  }

  @Test
  void aPayoutArrivesADayAfterItWasMadeAndIsDatedThen() {
    Http.Reply po =
        http.post(
            "/v1/payouts",
            "{\"artisan_id\":\"art_7QK2M9\",\"amount\":{\"amount_minor\":50000,\"currency\":\"MAD\"},"
                + "\"destination\":{\"type\":\"rib\",\"rib\":\"011519000001205000534921\"}}");
    assertThat(po.status()).as(po.body()).isEqualTo(201);

    sandbox.clock().advance(Duration.ofDays(3));

    String id = po.json().path("id").asText();
    assertThat(http.get("/v1/payouts/" + id).json().path("status").asText()).isEqualTo("paid");
    assertThat(http.get("/v1/settlements/st_20261103MAD/lines").body())
        .contains(id)
        .contains("\"occurred_at\":\"2026-11-03T23:59:00Z\"");
  }

  private String create(String method, String order, long amount) {
    Http.Reply r = http.post("/v1/payments", Http.payment(method, order, amount, "automatic"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private String updatedAt(String paymentId) {
    return http.get("/v1/payments/" + paymentId).json().path("updated_at").asText();
  }
}
