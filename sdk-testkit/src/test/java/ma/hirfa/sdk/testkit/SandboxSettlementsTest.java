package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settlements are built from the day's activity and reconcile to the centime. */
class SandboxSettlementsTest {
  Sandbox sandbox;
  Http http;

  @BeforeEach
  void start() {
    sandbox =
        Sandbox.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC))
            .start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void theDaysSettlementSumsItsLinesToTheCentime() throws Exception {
    String paid =
        http.post("/v1/payments", Http.card("4242424242424242", "ORD-s1"))
            .json()
            .path("id")
            .asText();
    http.post("/v1/payments", Http.card("4000000000000002", "ORD-s2")); // declined: no line
    http.post(
        "/v1/refunds",
        "{\"payment_id\":\""
            + paid
            + "\",\"amount\":{\"amount_minor\":2501,\"currency\":\"MAD\"}}");
    http.post(
        "/v1/payouts",
        "{\"artisan_id\":\"art_7QK2M9\",\"amount\":{\"amount_minor\":50000,\"currency\":\"MAD\"},"
            + "\"destination\":{\"type\":\"rib\",\"rib\":\"011519000001205000534921\"}}");

    JsonNode open = http.get("/v1/settlements?date=2026-11-29").json().path("data").get(0);
    assertThat(open.path("status").asText()).isEqualTo("open");
    assertThat(open.path("line_count").asInt()).isEqualTo(2);

    sandbox.clock().advance(Duration.ofDays(1)); // the payout arrives, the day closes
    JsonNode day = http.get("/v1/settlements/st_20261129MAD").json();
    JsonNode next = http.get("/v1/settlements/st_20261130MAD").json();

    assertThat(day.path("status").asText()).isEqualTo("available");
    assertThat(day.path("gross").path("amount_minor").asLong()).isEqualTo(125000);
    assertThat(day.path("fees").path("amount_minor").asLong()).isEqualTo(9375);
    assertThat(day.path("refunds").path("amount_minor").asLong()).isEqualTo(-2501);
    assertThat(day.path("net").path("amount_minor").asLong()).isEqualTo(125000 - 9375 - 2501);
    assertThat(next.path("payouts").path("amount_minor").asLong()).isEqualTo(-50000);

    Http.Reply lines = http.get("/v1/settlements/st_20261129MAD/lines");
    assertThat(lines.header("Content-Type")).startsWith("application/x-ndjson");
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines.body().split("\n")) {
      parsed.add(Http.JSON.readTree(line));
    }
    assertThat(parsed)
        .extracting(l -> l.path("type").asText())
        .containsExactly("payment", "refund");
    assertThat(parsed.get(0).path("reference_id").asText()).isEqualTo(paid);
    long net = parsed.stream().mapToLong(l -> l.path("net").path("amount_minor").asLong()).sum();
    assertThat(net).isEqualTo(day.path("net").path("amount_minor").asLong());
  }

  @Test
  void anUnknownSettlementIs404() {
    assertThat(http.get("/v1/settlements/st_20200101MAD").status()).isEqualTo(404);
  }
}
