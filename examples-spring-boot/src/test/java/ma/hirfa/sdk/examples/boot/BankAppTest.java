package ma.hirfa.sdk.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank application on a real HTTP port against the embedded sandbox: a payment collected over
 * its REST API, the sandbox's signed {@code payment.succeeded} received on the starter's webhook
 * endpoint, the SDK's metrics and health on the actuator.
 */
// [snippet:annotations]
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHirfaSandbox // the sandbox started, hirfa.* pointed at it, the webhook registered
// [end]
class BankAppTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired Sandbox sandbox;

  private JsonNode call(String method, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  // [snippet:webhook]
  @Test
  void aPaymentCollectedOverTheApiIsMarkedPaidByTheSandboxsWebhook() throws Exception {
    JsonNode payment = call("POST", "/orders/ORD-BANK-1/payment?amount=1250.00");
    assertThat(payment.get("status").asString()).isEqualTo("succeeded");
    assertThat(sandbox.paymentCount("ORD-BANK-1")).isEqualTo(1);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!call("GET", "/orders/ORD-BANK-1").get("paid").asBoolean()) {
      assertThat(System.nanoTime()).as("payment.succeeded within 20 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  // [end]

  @Test
  void theActuatorExposesTheSdksCallTimerAndItsBreakerWithoutCallingTheApi() throws Exception {
    call("POST", "/orders/ORD-BANK-2/payment?amount=80.00");
    sandbox.clearRequests();

    JsonNode calls = call("GET", "/actuator/metrics/hirfa.client.calls");
    JsonNode health = call("GET", "/actuator/health");

    assertThat(calls.get("measurements").get(0).get("value").asDouble()).isPositive();
    assertThat(calls.get("availableTags").toString())
        .contains("createPayment", "/v1/payments", "SUCCESS")
        .doesNotContain("ORD-BANK-2");
    assertThat(health.at("/components/hirfa/details/payments/circuit").asString())
        .isEqualTo("CLOSED");
    assertThat(sandbox.requests()).isEmpty();
  }
}
