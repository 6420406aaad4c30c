package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A refused {@code hirfa.*} property fails start-up with the property named (its Boot name, not the
 * SDK's field), and the failure analysis never shows the key.
 */
class HirfaPropertiesValidationTest {
  private static final String KEY = "sk_test_validation0123456789";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
          .withPropertyValues("hirfa.api-key=" + KEY, "hirfa.base-url=http://127.0.0.1:9/");

  private static HirfaPropertyException refusal(Throwable failure) {
    Throwable t = failure;
    while (t != null && !(t instanceof HirfaPropertyException)) {
      t = t.getCause();
    }
    assertThat(t).as("a HirfaPropertyException in the causes of %s", failure).isNotNull();
    return (HirfaPropertyException) t;
  }

  /** Each refused setting with the property it must name; numbers and durations from a seed. */
  static Stream<Arguments> refusedSettings() {
    SplittableRandom random = new SplittableRandom(20261129);
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("hirfa.payments.api-key", "hirfa.payments.api-key= "));
    cases.add(Arguments.of("hirfa.catalog.api-key", "hirfa.catalog.api-key=pk_live_nope"));
    cases.add(Arguments.of("hirfa.base-url", "hirfa.base-url=https://api.hirfa.ma/v1"));
    cases.add(Arguments.of("hirfa.payments.base-url", "hirfa.payments.base-url=ftp://x.ma/"));
    cases.add(Arguments.of("hirfa.catalog.base-url", "hirfa.catalog.base-url=https://h.ma/V1/"));
    for (int i = 0; i < 4; i++) {
      String negative = "-" + (1 + random.nextInt(10_000)) + "ms";
      String[] timeouts = {"read-timeout", "connect-timeout", "write-timeout", "call-timeout"};
      String t = timeouts[i];
      cases.add(Arguments.of("hirfa." + t, "hirfa." + t + "=" + negative));
    }
    cases.add(Arguments.of("hirfa.payments.read-timeout", "hirfa.payments.read-timeout=-1s"));
    cases.add(
        Arguments.of(
            "hirfa.retry.max-attempts", "hirfa.retry.max-attempts=" + (11 + random.nextInt(1000))));
    cases.add(Arguments.of("hirfa.retry.max-attempts", "hirfa.retry.max-attempts=0"));
    cases.add(Arguments.of("hirfa.retry.initial-backoff", "hirfa.retry.initial-backoff=-5ms"));
    cases.add(
        Arguments.of(
            "hirfa.circuit-breaker.failure-rate-percent",
            "hirfa.circuit-breaker.failure-rate-percent=" + (101 + random.nextInt(1000))));
    cases.add(
        Arguments.of("hirfa.circuit-breaker.window-size", "hirfa.circuit-breaker.window-size=0"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusedSettings")
  void aRefusedSettingFailsStartUpNamingItsProperty(String property, String setting) {
    runner
        .withPropertyValues(setting)
        .run(
            context -> {
              assertThat(context).hasFailed();
              HirfaPropertyException e = refusal(context.getStartupFailure());
              assertThat(e.field()).isEqualTo(property);
              assertThat(e.getMessage()).startsWith(property + ": ").doesNotContain(KEY);
            });
  }

  @Test
  void aMissingKeyFailsStartUpNamingTheSharedProperty() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
        .run(
            context ->
                assertThat(refusal(context.getStartupFailure()).field())
                    .isEqualTo("hirfa.api-key"));
  }

  @Test
  void theFailureAnalysisNamesThePropertyAndNeverShowsTheKey() {
    runner
        .withPropertyValues("hirfa.read-timeout=-3s")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new HirfaPropertyFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .isEqualTo(
                      "The Hirfa property 'hirfa.read-timeout' was refused: it must be positive"
                          + " but was PT-3S.");
              assertThat(analysis.getAction()).contains("hirfa.read-timeout");
              assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(KEY);
            });
  }

  @Test
  void aKeyWithASpaceIsRefusedWithoutEchoingIt() {
    String leaked = "sk_test_whitespace01234 56789";
    runner
        .withPropertyValues("hirfa.payments.api-key=" + leaked)
        .run(
            context -> {
              HirfaPropertyException e = refusal(context.getStartupFailure());
              assertThat(e.field()).isEqualTo("hirfa.payments.api-key");
              assertThat(e.getMessage()).doesNotContain("whitespace0123456789");
            });
  }

  @Test
  void aGatewayPathIsKeptInTheBaseUrl() {
    runner
        .withPropertyValues("hirfa.base-url=http://127.0.0.1:9/gateway/hirfa")
        .run(
            context ->
                assertThat(context.getBean(PaymentsClient.class).options().baseUrl().toString())
                    .isEqualTo("http://127.0.0.1:9/gateway/hirfa/"));
  }
}
