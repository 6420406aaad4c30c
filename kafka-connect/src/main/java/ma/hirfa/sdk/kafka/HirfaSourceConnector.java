package ma.hirfa.sdk.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Publishes the Hirfa catalog and payment events to Kafka. The catalog: the whole export first,
 * then the change feed, to a compacted topic keyed by product id ({@code catalog.topic}), a
 * deletion as a tombstone; the export position and the feed cursor are Connect source offsets, so a
 * restarted or rebalanced task resumes where it stopped. Payment events: the task receives the
 * platform's signed webhooks (the Payments API has no feed to poll) and writes each verified event
 * to {@code payments.topic}, answering the platform only once Kafka has it.
 *
 * <pre>{@code
 * {
 *   "name": "hirfa",
 *   "config": {
 *     "connector.class": "ma.hirfa.sdk.kafka.HirfaSourceConnector",
 *     "tasks.max": "1",
 *     "hirfa.api.key": "${file:/etc/kafka/hirfa.properties:api.key}",
 *     "catalog.topic": "hirfa.catalog.products",
 *     "payments.topic": "hirfa.payments.events",
 *     "payments.webhook.secret": "${file:/etc/kafka/hirfa.properties:webhook.secret}",
 *     "payments.webhook.port": "8089"
 *   }
 * }
 * }</pre>
 *
 * One task whatever {@code tasks.max} says: the feed is one ordered stream with one cursor. Rate
 * limits and retries are the SDK client's ({@code hirfa.max.attempts}, {@code
 * hirfa.call.timeout.ms}). The settings are checked by {@link #config()}'s {@link ConfigDef}; the
 * secrets are {@code PASSWORD}s and never logged.
 */
public final class HirfaSourceConnector extends SourceConnector {
  static final String VERSION = "0.1.0";

  private Map<String, String> props = Map.of();

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    new HirfaSourceConfig(props); // fails with the first bad value, named
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return HirfaSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return HirfaSourceConfig.DEF;
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config config = super.validate(connectorConfigs);
    boolean catalog =
        !"false".equalsIgnoreCase(connectorConfigs.get(HirfaSourceConfig.CATALOG_ENABLED));
    boolean payments = connectorConfigs.get(HirfaSourceConfig.WEBHOOK_SECRET) != null;
    if (!catalog && !payments) {
      for (ConfigValue v : config.configValues()) {
        if (v.name().equals(HirfaSourceConfig.CATALOG_ENABLED)) {
          v.addErrorMessage(
              "nothing to publish: enable the catalog or set "
                  + HirfaSourceConfig.WEBHOOK_SECRET
                  + " to receive payment events");
        }
      }
    }
    return config;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    // At least once, with idempotent keys: a restart re-sends what followed the last committed
    // offset; each product's last record is its newest state and consumers keep the newest version.
    return ExactlyOnceSupport.UNSUPPORTED;
  }
}
