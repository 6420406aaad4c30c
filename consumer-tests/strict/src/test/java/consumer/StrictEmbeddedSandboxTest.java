package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * The strict build with the testkit in test scope: the enforcer's rules hold on the test class path
 * too, and the embedded sandbox answers the same calls the application makes.
 */
class StrictEmbeddedSandboxTest {
  @Test
  void theCallsWorkAgainstTheEmbeddedSandbox() {
    try (Sandbox sandbox = Sandbox.start()) {
      String result = HirfaCalls.run(sandbox.baseUrl(), sandbox.apiKey());

      assertTrue(result.contains("SUCCEEDED"), result);
      assertEquals(1, sandbox.paymentCount());
      assertEquals(
          1,
          sandbox.requests().stream()
              .filter(r -> r.path().equals("/v1/payments") && r.idempotencyKey() != null)
              .count());
      System.out.println("embedded sandbox in the strict build: " + result);
    }
  }
}
