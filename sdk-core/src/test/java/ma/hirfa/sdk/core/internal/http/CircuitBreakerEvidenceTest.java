package ma.hirfa.sdk.core.internal.http;

import static ma.hirfa.sdk.core.internal.http.ScriptedServer.reset;
import static ma.hirfa.sdk.core.internal.http.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.HirfaException;
import org.junit.jupiter.api.Test;

/**
 * What a healthy-enough API looks like to the default breaker and budget, and what a dead one does:
 * the evidence behind {@code CircuitBreakerPolicy.defaults()} and {@code RetryPolicy.defaults()}.
 *
 * <p>Healthy enough: every call succeeds within its attempts, however many of its attempts fail
 * (one lost response per call, or two 503s then a success). Such an API must never open the breaker
 * nor drain the retry budget, for as long as it lasts. Dead: every call fails after its retries;
 * the breaker must open within {@code minimumCalls} calls.
 */
class CircuitBreakerEvidenceTest {
  private static final int CALLS = 100;

  private static ApiRequest write() {
    return TestRequests.post("v1", "payments").body(Map.of("amount_minor", 100)).build();
  }

  /** Writes (20 at most) until the breaker refuses one; returns how many failed before that. */
  private static int failuresBeforeTheBreakerOpens(Fixture f) {
    int failed = 0;
    for (int i = 0; i < 20; i++) {
      try {
        f.runtime.execute(write());
      } catch (CircuitOpenException e) {
        break;
      } catch (HirfaException e) {
        failed++;
      }
    }
    return failed;
  }

  @Test
  void oneLostResponsePerCallNeverOpensTheBreakerNorDrainsTheBudget() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl());
      for (int i = 0; i < CALLS; i++) {
        server.then(reset(), respond(201, "application/json", "{}"));
        f.runtime.execute(write());
      }
      assertThat(f.runtime.circuitState()).isEqualTo("CLOSED");
      assertThat(f.runtime.retryTokens()).isEqualTo(20);
      assertThat(server.received()).hasSize(2 * CALLS);
    }
  }

  @Test
  void twoServerErrorsThenASuccessPerCallNeverOpensTheBreakerNorDrainsTheBudget() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl());
      for (int i = 0; i < CALLS; i++) {
        server.then(
            respond(503, "application/json", "{}"),
            respond(503, "application/json", "{}"),
            respond(201, "application/json", "{}"));
        f.runtime.execute(write());
      }
      assertThat(f.runtime.circuitState()).isEqualTo("CLOSED");
      assertThat(f.runtime.retryTokens()).isEqualTo(20);
    }
  }

  @Test
  void aDeadApiOpensTheBreakerAfterFiveCalls() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.die();
      Fixture f = new Fixture(server.baseUrl());
      assertThat(failuresBeforeTheBreakerOpens(f)).isEqualTo(5);
      assertThat(f.runtime.circuitState()).isEqualTo("OPEN");
      // Five calls of three attempts each, with the default back-off between them.
      assertThat(f.sleeper.sleeps()).hasSize(10);
      assertThat(f.sleeper.sleeps().stream().mapToLong(Duration::toMillis).sum())
          .isLessThan(15_000);
    }
  }

  @Test
  void anApiAnsweringOnly503sOpensTheBreakerAfterFiveCallsAndSpendsTenTokens() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(respond(503, "application/json", "{}"));
      Fixture f = new Fixture(server.baseUrl());
      assertThat(failuresBeforeTheBreakerOpens(f)).isEqualTo(5);
      assertThat(server.received()).hasSize(15);
      assertThat(f.runtime.retryTokens()).isEqualTo(10);
    }
  }
}
