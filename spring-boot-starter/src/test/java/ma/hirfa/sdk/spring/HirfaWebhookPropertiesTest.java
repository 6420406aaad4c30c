package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The webhook endpoint's properties: a refused secret, key, size or tolerance stops start-up with
 * the property named (the secret's index, never its value); without a secret there is no endpoint.
 */
class HirfaWebhookPropertiesTest {
  private static final String GOOD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HirfaAutoConfiguration.class))
          .withPropertyValues(
              "hirfa.api-key=sk_test_webhooks0123456789", "hirfa.base-url=http://127.0.0.1:9/");

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hirfa.webhooks.secrets[0] | hirfa.webhooks.secrets[0]=whsec_not*base64!",
        "hirfa.webhooks.secrets[1] | hirfa.webhooks.secrets[1]=whsec_",
        "hirfa.webhooks.public-key | hirfa.webhooks.public-key=whpk_c2hvcnQ=",
        "hirfa.webhooks.tolerance | hirfa.webhooks.tolerance=-1s",
        "hirfa.webhooks.max-body-size | hirfa.webhooks.max-body-size=0B",
      })
  void aRefusedWebhookSettingFailsStartUpNamingItsProperty(String property, String setting) {
    runner
        .withPropertyValues("hirfa.webhooks.secrets[0]=" + GOOD, setting)
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable t = context.getStartupFailure();
              while (t != null && !(t instanceof HirfaPropertyException)) {
                t = t.getCause();
              }
              assertThat(t).isInstanceOf(HirfaPropertyException.class);
              assertThat(((HirfaPropertyException) t).field()).isEqualTo(property);
              assertThat(t.getMessage()).doesNotContain("not*base64").doesNotContain(GOOD);
            });
  }

  @Test
  void twoSecretsDuringARotationStartTheEndpoint() {
    runner
        .withPropertyValues(
            "hirfa.webhooks.secrets[0]=" + GOOD,
            "hirfa.webhooks.secrets[1]=whsec_c2Vjb25kLXNlY3JldC1kdXJpbmctcm90YXRpb24=")
        .run(context -> assertThat(context).hasSingleBean(HirfaWebhookEndpoint.class));
  }

  @Test
  void withoutASecretOrKeyThereIsNoEndpoint() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(HirfaWebhookEndpoint.class);
        });
  }
}
