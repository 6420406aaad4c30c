package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.payments.MagicInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Sandbox#completeThreeDs}: what the bank guide's tests do in place of the cardholder. */
class SandboxThreeDsTest {
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

  private static String pay(String card, String order, String capture) {
    String method =
        "{\"type\":\"card\",\"card\":{\"number\":\""
            + card
            + "\",\"exp_month\":12,\"exp_year\":2031,\"cvc\":\"123\"}}";
    return http.post("/v1/payments", Http.payment(method, order, 125000, capture))
        .json()
        .path("id")
        .asText();
  }

  private static String status(String paymentId) {
    return http.get("/v1/payments/" + paymentId).json().path("status").asText();
  }

  @Test
  void approvingAuthenticatesThePaymentAndReturnsItsNewStatus() {
    String id = pay(MagicInputs.CARD_3DS, "ORD-3ds-java-ok", "automatic");
    assertThat(status(id)).isEqualTo("requires_action");

    assertThat(sandbox.completeThreeDs(id, true)).isEqualTo("succeeded");
    assertThat(status(id)).isEqualTo("succeeded");
  }

  @Test
  void decliningFailsThePaymentAsAuthenticationFailed() {
    String id = pay(MagicInputs.CARD_3DS, "ORD-3ds-java-ko", "automatic");

    assertThat(sandbox.completeThreeDs(id, false)).isEqualTo("failed");
    assertThat(http.get("/v1/payments/" + id).json().path("failure_code").asText())
        .isEqualTo("authentication_failed");
  }

  @Test
  void approvingAManualCapturePaymentAuthorizesIt() {
    String id = pay(MagicInputs.CARD_3DS, "ORD-3ds-java-manual", "manual");

    assertThat(sandbox.completeThreeDs(id, true)).isEqualTo("authorized");
  }

  @Test
  void aPaymentThatAwaitsNoAuthenticationIsRefusedNamingPaymentId() {
    String id = pay(MagicInputs.CARD_SUCCEEDS, "ORD-3ds-java-none", "automatic");

    assertThatThrownBy(() -> sandbox.completeThreeDs(id, true))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("paymentId"))
        .hasMessageContaining("awaits no 3-D Secure step")
        .hasMessageContaining("succeeded");
    assertThat(status(id)).isEqualTo("succeeded");
  }

  @Test
  void anUnknownPaymentIsRefusedNamingPaymentId() {
    assertThatThrownBy(() -> sandbox.completeThreeDs("pay_unknown0000", true))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("paymentId"));
  }
}
