package ma.hirfa.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The connector's settings are checked by its ConfigDef, each error naming the setting. */
class HirfaSourceConfigTest {
  private static Map<String, List<String>> errors(Map<String, String> props) {
    return new HirfaSourceConnector()
        .validate(props).configValues().stream()
            .filter(v -> !v.errorMessages().isEmpty())
            .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void aBadConfigurationIsRefusedNamingEachSettingAndNeverShowingTheSecrets() {
    Map<String, String> props = new HashMap<>();
    // A live-looking key, assembled so that none stands in the sources.
    props.put("hirfa.api.key", String.join("_", "pk", "live", "LEAKED", "KEY", "1234"));
    props.put("hirfa.base.url", "http://api.example.com/");
    props.put("catalog.topic", "bad topic!");
    props.put("payments.webhook.secret", "LEAKED_SECRET_5678");
    props.put("catalog.page.size", "500");

    Map<String, List<String>> errors = errors(props);

    assertThat(errors)
        .containsOnlyKeys(
            "hirfa.api.key",
            "hirfa.base.url",
            "catalog.topic",
            "payments.webhook.secret",
            "catalog.page.size");
    assertThat(errors.get("hirfa.api.key").get(0)).contains("sk_live_ or sk_test_");
    assertThat(errors.get("hirfa.base.url").get(0)).contains("https");
    assertThat(errors.get("catalog.topic").get(0)).contains("Kafka topic name");
    assertThat(errors.get("payments.webhook.secret").get(0)).contains("whsec_");
    assertThat(errors.get("catalog.page.size").get(0)).contains("100");
    assertThat(errors.toString()).doesNotContain("LEAKED");
  }

  @Test
  void aMinimalConfigurationIsValidAndTheSecretsArePasswords() {
    Map<String, String> props = Map.of("hirfa.api.key", "sk_test_abcdef123456");

    assertThat(errors(props)).isEmpty();
    assertThat(new HirfaSourceConfig(props).toString()).doesNotContain("sk_test_abcdef123456");
    assertThat(HirfaSourceConfig.DEF.configKeys().get("hirfa.api.key").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    assertThat(HirfaSourceConfig.DEF.configKeys().get("payments.webhook.secret").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
  }

  @Test
  void aConnectorWithNothingToPublishIsRefused() {
    Map<String, String> props =
        Map.of("hirfa.api.key", "sk_test_abcdef123456", "catalog.enabled", "false");

    assertThat(errors(props).get("catalog.enabled"))
        .singleElement()
        .asString()
        .contains("nothing to publish");
  }

  @Test
  void oneTaskWhateverTasksMaxSaysBecauseTheFeedIsOneOrderedStream() {
    HirfaSourceConnector connector = new HirfaSourceConnector();
    connector.start(Map.of("hirfa.api.key", "sk_test_abcdef123456"));

    assertThat(connector.taskConfigs(8)).hasSize(1);
  }
}
