package ma.hirfa.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar carries Boot's configuration metadata, so IDEs complete and describe the {@code hirfa.*}
 * properties: every property has a type and a description.
 */
class HirfaConfigurationMetadataTest {
  @Test
  void everyHirfaPropertyIsDescribedInTheJarsMetadata() throws Exception {
    Map<String, JsonNode> properties = new HashMap<>();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata the annotation processor writes").isNotNull();
      for (JsonNode p : JsonMapper.builder().build().readTree(in).get("properties")) {
        properties.put(p.get("name").asString(), p);
      }
    }

    assertThat(properties)
        .containsKeys(
            "hirfa.api-key",
            "hirfa.base-url",
            "hirfa.read-timeout",
            "hirfa.call-timeout",
            "hirfa.retry.max-attempts",
            "hirfa.circuit-breaker.open-duration",
            "hirfa.payments.api-key",
            "hirfa.catalog.enabled",
            "hirfa.webhooks.secrets",
            "hirfa.webhooks.max-body-size",
            "hirfa.health.down-when-circuit-open");
    assertThat(properties.keySet()).allMatch(name -> name.startsWith("hirfa."));
    assertThat(properties.values())
        .allSatisfy(
            p -> {
              assertThat(p.get("type")).as("type of %s", p.get("name")).isNotNull();
              assertThat(p.path("description").asString(""))
                  .as("description of %s", p.get("name"))
                  .isNotBlank();
            });
  }
}
