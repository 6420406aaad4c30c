package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentStatus;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.FakeClock;
import ma.hirfa.sdk.testkit.HirfaSandbox;
import ma.hirfa.sdk.testkit.HirfaSandboxExtension;
import ma.hirfa.sdk.testkit.RecordedRequest;
import ma.hirfa.sdk.testkit.RecordingSleeper;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bank guide's tests, written as the guide's "Test your integration" section tells a bank to
 * write its own: the JUnit extension with a fixed instant and a seed (so the day's reconciliation
 * does not depend on the hour the build runs at), the request journal to check what the integration
 * sent, and the shipped fakes to run retries without waiting.
 */
@ExtendWith(HirfaSandboxExtension.class)
@HirfaSandbox(instant = "2026-11-02T09:00:00Z", seed = 42)
class BankGuideTest {

  // [snippet:retry]
  @Test
  void aLostResponseIsRetriedWithTheSameKeyAndChargesOnce(Sandbox sandbox) {
    FakeClock clock = new FakeClock(sandbox.clock().instant());
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    try (PaymentsClient client =
        PaymentsClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(o -> o.clock(clock).sleeper(sleeper))
            .build()) {
      sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);
      sandbox.clearRequests();

      Payment payment =
          client
              .payments()
              .create(
                  PaymentCreateParams.builder()
                      .amount(Money.parse("1250.00", "MAD"))
                      .orderReference("ORD-2001")
                      .artisanId("art_7QK2M9")
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build());

      RecordedRequest first = sandbox.takeRequest();
      RecordedRequest retry = sandbox.takeRequest();
      assertThat(first.status()).isZero(); // committed, then the connection was cut
      assertThat(retry.idempotencyKey()).isNotBlank().isEqualTo(first.idempotencyKey());
      assertThat(first.attempt()).isEqualTo(1);
      assertThat(retry.attempt()).isEqualTo(2);
      assertThat(retry.header("Authorization")).isEqualTo("Bearer sk_test_****");
      assertThat(sleeper.sleeps()).hasSize(1); // one back-off, and no time spent waiting
      assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(sandbox.paymentCount("ORD-2001")).isEqualTo(1);
    }
  }

  // [end]

  @Test
  void theDayReconcilesWhateverTheHourTheBuildRunsAt(Sandbox sandbox) throws Exception {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    BankScenario.Result o = BankScenario.run(sandbox, out);

    assertThat(o.report().balanced()).as(o.report().mismatches().toString()).isTrue();
    assertThat(sandbox.clock().instant())
        .isEqualTo(java.time.Instant.parse("2026-11-02T09:00:00Z").plus(Duration.ofHours(27)));
  }
}
