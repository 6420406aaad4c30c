package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plants an API key, webhook secret, card number, CVV, RIB, IBAN and phone number in a request and
 * in the error the server answers, then reads the TRACE log and the exception: none may appear.
 */
class RedactionTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String API_KEY = "sk_test_PlantedKey9f8e7d6c5b4a";
  private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String CARD = "4111111111111111";
  private static final String CVV = "737";
  private static final String RIB = "011519000001205000534921";
  private static final String IBAN = "MA64011519000001205000534921";
  private static final String PHONE = "+212612345678";
  private static final String LOCAL_PHONE = "06 12 34 56 78";
  private static final List<String> PLANTED =
      List.of(
          API_KEY,
          WEBHOOK_SECRET,
          CARD,
          "\"cvv\":\"737\"",
          RIB,
          IBAN,
          PHONE,
          LOCAL_PHONE,
          "612345678");

  @Test
  void plantedSecretsNeverReachLogsOrExceptionMessages() throws Exception {
    String echo =
        "{\"status\":400,\"title\":\"Invalid card\",\"code\":\"invalid_card\","
            + "\"detail\":\"card "
            + CARD
            + " cvv "
            + CVV
            + " for "
            + PHONE
            + " / "
            + LOCAL_PHONE
            + " rib "
            + RIB
            + " iban "
            + IBAN
            + " key "
            + API_KEY
            + " secret "
            + WEBHOOK_SECRET
            + "\"}";
    wm.stubFor(
        post("/v1/payments")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(echo)));
    wm.stubFor(
        post("/v1/payouts")
            .willReturn(okJson("{\"rib\":\"" + RIB + "\",\"phone\":\"" + PHONE + "\"}")));
    Fixture f = new Fixture(wm.baseUrl(), b -> b.apiKey(API_KEY).retryPolicy(RetryPolicy.none()));
    Map<String, Object> body =
        Map.of(
            "card", Map.of("number", CARD, "cvv", CVV),
            "customer", Map.of("phone", PHONE, "rib", RIB, "iban", IBAN),
            "webhook_secret", WEBHOOK_SECRET);

    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> f.runtime.execute(TestRequests.post("v1", "payments").body(body).build()));
    f.runtime.execute(TestRequests.post("v1", "payouts").body(body).build());

    assertThat(e.getMessage()).contains("Invalid card").contains("1111");
    for (String secret : PLANTED) {
      assertThat(e.getMessage()).doesNotContain(secret);
      assertThat(String.valueOf(e.problem())).isNotNull();
    }
    String log = Files.readString(Path.of("target/sdk-test.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .as("the TRACE log captured this test's calls")
        .contains("POST /v1/payouts")
        .contains("Invalid card");
    for (String secret : PLANTED) {
      assertThat(log).doesNotContain(secret);
    }
  }
}
