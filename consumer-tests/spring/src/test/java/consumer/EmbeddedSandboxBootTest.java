package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import ma.hirfa.sdk.testkit.RecordedRequest;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner's test of the Boot application (the same source for Boot 3.5 and 4.0): the testkit in
 * test scope, the sandbox started embedded in the test JVM next to the application's own Tomcat,
 * Jackson and (through Boot's dependency management) Jetty versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedSandboxBootTest {
  private static final Sandbox SANDBOX = Sandbox.start();

  @DynamicPropertySource
  static void hirfa(DynamicPropertyRegistry registry) {
    // The starter's own properties: run.sh's HIRFA_BASE_URL and HIRFA_API_KEY environment (the
    // standalone sandbox's) would otherwise win in application.properties' placeholders.
    registry.add("hirfa.base-url", SANDBOX::baseUrl);
    registry.add("hirfa.api-key", SANDBOX::apiKey);
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Test
  void theApplicationsCallsReachTheEmbeddedSandbox() {
    // The application's CommandLineRunner made its calls when the context started: one payment
    // with its own clients, one with the starter's (whose webhook it received).
    assertThat(SANDBOX.paymentCount()).isEqualTo(2);

    String result = HirfaCalls.run(SANDBOX.baseUrl(), SANDBOX.apiKey());

    assertThat(result).contains("SUCCEEDED");
    assertThat(SANDBOX.paymentCount()).isEqualTo(3);
    // The journal: what the application sent, the key masked.
    RecordedRequest create =
        SANDBOX.requests().stream()
            .filter(r -> r.method().equals("POST") && r.path().equals("/v1/payments"))
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(create.idempotencyKey()).isNotBlank();
    assertThat(create.attempt()).isEqualTo(1);
    assertThat(create.header("Authorization")).isEqualTo("Bearer sk_test_****");
    assertThat(create.status()).isEqualTo(201);
    System.out.println("embedded sandbox in the Boot test: " + result);
  }
}
