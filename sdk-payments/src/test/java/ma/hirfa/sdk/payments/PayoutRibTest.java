package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payout's RIB against the sandbox: one that does not check never leaves the client, one typed in
 * groups with spaces is sent as its digits.
 */
class PayoutRibTest {
  static Sandbox sandbox;
  static PaymentsClient client;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    client = PaymentsClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void aPayoutToAnInvalidRibNeverLeavesTheClient() {
    int before = client.payouts().list(PayoutListParams.defaults()).data().size();

    assertThatThrownBy(
            () ->
                PayoutCreateParams.of(
                    "art_7QK2M9",
                    Money.parse("100.00", "MAD"),
                    PayoutDestination.rib("011519000001205000534922")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("destination.rib");
              assertThat(e.getMessage()).doesNotContain("011519000001205000534922");
            });
    assertThat(client.payouts().list(PayoutListParams.defaults()).data()).hasSize(before);
  }

  @Test
  void aPayoutToARibTypedWithSpacesIsSentAsItsDigits() {
    Payout po =
        client
            .payouts()
            .create(
                PayoutCreateParams.of(
                    "art_7QK2M9",
                    Money.parse("100.00", "MAD"),
                    PayoutDestination.rib("011 519 0000012050005349 21")));

    assertThat(po.destination().last4()).isEqualTo("4921");
    assertThat(client.payouts().get(po.id())).isEqualTo(po);
  }
}
