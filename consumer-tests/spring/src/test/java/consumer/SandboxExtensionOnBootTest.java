package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import ma.hirfa.sdk.testkit.HirfaSandbox;
import ma.hirfa.sdk.testkit.HirfaSandboxExtension;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The testkit's JUnit extension on the JUnit version each Boot BOM chooses (5.12 for Boot 3.5,
 * 6.0 for Boot 4.0), with a fixed instant and a seed.
 */
@ExtendWith(HirfaSandboxExtension.class)
@HirfaSandbox(instant = "2026-11-02T09:00:00Z", seed = 42)
class SandboxExtensionOnBootTest {
  @Test
  void theExtensionsSandboxAnswersTheCallsOnAFixedClock(Sandbox sandbox) {
    String result = HirfaCalls.run(sandbox.baseUrl(), sandbox.apiKey());

    assertThat(result).contains("SUCCEEDED");
    assertThat(sandbox.clock().instant()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    assertThat(sandbox.takeRequest().path()).isEqualTo("/v1/products");
  }
}
