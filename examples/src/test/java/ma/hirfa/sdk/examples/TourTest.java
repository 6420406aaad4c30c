package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.examples.WebhookReceiverExample.Delivery;
import org.junit.jupiter.api.Test;

class TourTest {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @Test
  void webhookEndpointAppliesEachGenuineEventOnceAndRefusesTheRest() throws Exception {
    List<Delivery> deliveries = WebhookReceiverExample.run(out);

    assertThat(deliveries)
        .extracting(Delivery::status)
        .containsExactly(204, 400, 204, 400, 204, 500, 204, 413);
    assertThat(deliveries)
        .extracting(Delivery::answer)
        .containsExactly(
            "applied msg_tour_1",
            "refused: NO_MATCHING_SIGNATURE",
            "already applied msg_tour_1",
            "refused: TIMESTAMP_TOO_OLD",
            "applied msg_tour_3",
            "handler failed, not recorded",
            "applied msg_tour_4",
            "refused: over 1048576 bytes");
  }

  @Test
  void moneyStaysExactAndTextFallsBack() {
    MoneyAndTextExample.Result r = MoneyAndTextExample.run(out);

    assertThat(r.net()).isEqualTo(Money.ofMinor(115_625, "MAD"));
    assertThat(r.refusedField()).isEqualTo("amount");
    assertThat(r.spanishTitle()).isEqualTo("Tapis amazigh de Taznakht");
    assertThat(r.arabicTitle()).startsWith("زربية");
  }

  @Test
  void badConfigurationIsRefusedNamingEachField() {
    assertThat(ConfigurationExample.run(out))
        .containsExactly("baseUrl", "readTimeout", "retryPolicy.maxAttempts");
    assertThat(buffer.toString(StandardCharsets.UTF_8)).doesNotContain("TourKey0123456789abcdef");
  }

  @Test
  void bankScenarioCollectsRefundsPaysOutAndReconciles() throws Exception {
    java.time.Instant morning = java.time.Instant.parse("2026-11-29T09:00:00Z");
    try (ma.hirfa.sdk.testkit.Sandbox sandbox =
        ma.hirfa.sdk.testkit.Sandbox.builder()
            .clock(java.time.Clock.fixed(morning, java.time.ZoneOffset.UTC))
            .start()) {
      BankScenario.Result o = BankScenario.run(sandbox, out);

      assertThat(o.statuses())
          .containsExactly(
              "succeeded", "succeeded", "succeeded", "succeeded", "succeeded", "canceled");
      assertThat(o.shipped()).contains("ORD-1001", "ORD-1004", "ORD-1005");
      assertThat(o.paymentsForLostOrder()).isEqualTo(1);
      assertThat(o.refunded()).isEqualTo(Money.parse("250.00", "MAD"));
      assertThat(o.payoutStatus()).isEqualTo("paid");
      assertThat(o.report().balanced()).as(o.report().mismatches().toString()).isTrue();
      assertThat(o.events())
          .contains(
              "payment.requires_action", "payment.succeeded", "refund.succeeded", "payout.paid");
    }
  }

  @Test
  void partnerScenarioImportsFollowsTheFeedAndShowsFourLanguagesAndEuroPrices() throws Exception {
    try (ma.hirfa.sdk.testkit.Sandbox sandbox =
        ma.hirfa.sdk.testkit.Sandbox.builder().catalogSize(2_000).start()) {
      PartnerScenario.Result o = PartnerScenario.run(sandbox, out);

      assertThat(o.imported()).isEqualTo(2_000);
      assertThat(o.followed()).isEqualTo(4);
      assertThat(o.shopSize()).isEqualTo(o.sandboxSize()).isEqualTo(1_999);
      assertThat(o.titles().get("ar")).startsWith("زربية");
      assertThat(o.titles().get("es")).startsWith("Alfombra");
      assertThat(o.price().display().currencyCode()).isEqualTo("EUR");
      assertThat(o.price().disclosure()).contains("1 MAD = ");
    }
  }

  @Test
  void developerScenarioOnboardsPublishesSellsAndShips() throws Exception {
    try (ma.hirfa.sdk.testkit.Sandbox sandbox =
        ma.hirfa.sdk.testkit.Sandbox.builder().catalogSize(100).start()) {
      DeveloperScenario.Result o = DeveloperScenario.run(sandbox, out);

      assertThat(o.refusedField()).isEqualTo("payout_destination.rib");
      assertThat(o.verification()).isEqualTo("verified");
      assertThat(o.product().version()).isEqualTo(1);
      assertThat(o.paid().status()).isEqualTo(ma.hirfa.sdk.catalog.OrderStatus.PAID);
      assertThat(o.paid().paymentIds()).hasSize(1);
      assertThat(o.paid().displayTotal().currencyCode()).isEqualTo("USD");
      assertThat(o.shipped().trackingNumber()).isEqualTo("MA-COLIS-000123");
    }
  }

  @Test
  void thePartnerScenarioLeavesNoSyncFolderInTheTempDirectory() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    try (ma.hirfa.sdk.testkit.Sandbox sandbox =
        ma.hirfa.sdk.testkit.Sandbox.builder().catalogSize(10).start()) {
      long before = syncFolders(tmp);
      PartnerScenario.run(sandbox, out);
      assertThat(syncFolders(tmp)).isEqualTo(before);
    }
  }

  private static long syncFolders(java.nio.file.Path tmp) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(tmp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("hirfa-sync")).count();
    }
  }

  @Test
  void theProgressBarUsesTheTotalTheApiAnnounced() {
    ProgressBar bar = new ProgressBar(out, 0, false);
    bar.accept(
        new ma.hirfa.sdk.catalog.ExportProgress(
            50, 5_000, java.time.Duration.ofMillis(500), false, java.util.OptionalLong.of(200)));
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("25% 50/200 products");
  }

  @Test
  void theProgressBarPrintsPlainLinesWhenNotATerminal() {
    ProgressBar bar = new ProgressBar(out, 100, false);
    for (int i = 10; i <= 100; i += 10) {
      bar.accept(
          new ma.hirfa.sdk.catalog.ExportProgress(
              i,
              i * 1000L,
              java.time.Duration.ofMillis(i * 10L),
              i == 100,
              java.util.OptionalLong.empty()));
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8).lines())
        .hasSize(4)
        .allSatisfy(l -> assertThat(l).doesNotContain("\r"))
        .last()
        .asString()
        .startsWith("  100% 100/100 products");
  }

  @Test
  void theWholeTourRuns() throws Exception {
    Tour.run(out);

    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("Hirfa SDK tour")
        .contains("Done.");
  }
}
