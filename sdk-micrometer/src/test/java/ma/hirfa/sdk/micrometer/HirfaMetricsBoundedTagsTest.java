package ma.hirfa.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.Faults;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever faults the server produces, every tag value comes from a closed set and none carries a
 * secret, an id or personal data: the number of meters does not grow with the number of calls.
 */
class HirfaMetricsBoundedTagsTest {
  private static final Pattern EXCEPTION = Pattern.compile("[A-Z][A-Za-z]*Exception");
  private static final Map<String, Pattern> CLOSED_SETS =
      Map.of(
          "operation", Pattern.compile("createPayment"),
          "url.template", Pattern.compile("/v1/payments"),
          "method", Pattern.compile("POST"),
          "outcome", Pattern.compile("SUCCESS|" + EXCEPTION.pattern()),
          "status", Pattern.compile("NONE|[1-5][0-9][0-9]"),
          "attempts", Pattern.compile("[1-3]|4\\+"),
          "reason", Pattern.compile(EXCEPTION.pattern() + "|HTTP [1-5][0-9][0-9]"),
          "api", Pattern.compile("payments"));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42})
  void tagValuesStayInClosedSetsUnderRandomFaults(long seed) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HirfaMetrics metrics = HirfaMetrics.create(registry);
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> forbidden = new HashSet<>();
    try (Sandbox sandbox = Sandbox.start();
        PaymentsClient client =
            PaymentsClient.builder()
                .apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .configure(
                    o ->
                        o.retryPolicy(HirfaMetricsTest.fast())
                            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                            .addListener(metrics))
                .build()) {
      metrics.bindCircuit("payments", client::health);
      forbidden.add(sandbox.apiKey());
      sandbox
          .faults()
          .random(
              "POST",
              "/v1/payments",
              0.5,
              seed,
              Faults.Kind.RESET_BEFORE,
              Faults.Kind.RESET_AFTER_COMMIT,
              Faults.Kind.STATUS,
              Faults.Kind.STATUS_AFTER_COMMIT,
              Faults.Kind.TRUNCATED,
              Faults.Kind.MALFORMED);
      for (int i = 0; i < 40; i++) {
        String order = "ORD-" + seed + "-" + random.nextInt(1_000_000);
        forbidden.add(order);
        try {
          forbidden.add(client.payments().create(HirfaMetricsTest.payment(order)).id());
        } catch (HirfaException e) {
          if (e.idempotencyKey() != null) {
            forbidden.add(e.idempotencyKey());
          }
        }
      }
    }

    forbidden.add("4242424242424242");
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(CLOSED_SETS).containsKey(tag.getKey());
        assertThat(tag.getValue()).matches(CLOSED_SETS.get(tag.getKey()));
        assertThat(forbidden).noneMatch(tag.getValue()::contains);
      }
    }
    // Bounded by the closed sets, not by the 40 calls: a handful of outcome/status/attempt mixes.
    assertThat(registry.getMeters()).hasSizeLessThan(40);
  }
}
