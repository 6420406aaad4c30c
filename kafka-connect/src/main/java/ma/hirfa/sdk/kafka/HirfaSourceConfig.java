package ma.hirfa.sdk.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * The connector's settings, validated by {@link ConfigDef} (so {@code PUT
 * /connector-plugins/.../config/validate} and the REST API report every bad value with its name and
 * the rule it breaks). The API key and the webhook secret are {@link Type#PASSWORD}: logs and
 * validation answers show them as {@code [hidden]}, and this connector never prints them. Connect's
 * REST API returns a connector's configuration as submitted: secrets belong in a ConfigProvider.
 */
final class HirfaSourceConfig extends AbstractConfig {
  static final String API_KEY = "hirfa.api.key";
  static final String BASE_URL = "hirfa.base.url";
  static final String MAX_ATTEMPTS = "hirfa.max.attempts";
  static final String CALL_TIMEOUT_MS = "hirfa.call.timeout.ms";
  static final String CATALOG_TOPIC = "catalog.topic";
  static final String CATALOG_ENABLED = "catalog.enabled";
  static final String PAGE_SIZE = "catalog.page.size";
  static final String BATCH_SIZE = "catalog.batch.size";
  static final String POLL_INTERVAL_MS = "catalog.poll.interval.ms";
  static final String PAYMENTS_TOPIC = "payments.topic";
  static final String WEBHOOK_SECRET = "payments.webhook.secret";
  static final String WEBHOOK_PORT = "payments.webhook.port";
  static final String WEBHOOK_BIND = "payments.webhook.bind.address";
  static final String WEBHOOK_PATH = "payments.webhook.path";
  static final String WEBHOOK_ACK_TIMEOUT_MS = "payments.webhook.ack.timeout.ms";

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  static final ConfigDef DEF =
      new ConfigDef()
          .define(
              API_KEY,
              Type.PASSWORD,
              ConfigDef.NO_DEFAULT_VALUE,
              HirfaSourceConfig::apiKey,
              Importance.HIGH,
              "The Hirfa API key (sk_live_... or sk_test_...). Shown as [hidden] in logs and"
                  + " validation answers; Connect's REST API returns a connector's configuration as"
                  + " submitted, so put it in a ConfigProvider (${file:...}), not in the JSON.")
          .define(
              BASE_URL,
              Type.STRING,
              "https://api.hirfa.ma/",
              HirfaSourceConfig::baseUrl,
              Importance.MEDIUM,
              "The API's base URL: https, or http on 127.0.0.1 for the sandbox.")
          .define(
              MAX_ATTEMPTS,
              Type.INT,
              10,
              ConfigDef.Range.between(1, 20),
              Importance.LOW,
              "Attempts per API call (the SDK's retry pipeline: back-off, Retry-After on 429).")
          .define(
              CALL_TIMEOUT_MS,
              Type.LONG,
              120_000L,
              ConfigDef.Range.between(1_000L, 3_600_000L),
              Importance.LOW,
              "The deadline of one API call across its attempts, in milliseconds.")
          .define(
              CATALOG_ENABLED,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Publish the catalog (export, then change feed) to catalog.topic.")
          .define(
              CATALOG_TOPIC,
              Type.STRING,
              "hirfa.catalog.products",
              HirfaSourceConfig::topic,
              Importance.HIGH,
              "The compacted topic of products, keyed by product id; a deletion is a tombstone.")
          .define(
              PAGE_SIZE,
              Type.INT,
              100,
              ConfigDef.Range.between(1, 100),
              Importance.LOW,
              "Changes per change-feed page.")
          .define(
              BATCH_SIZE,
              Type.INT,
              1_000,
              ConfigDef.Range.between(1, 10_000),
              Importance.LOW,
              "The most records one poll returns while exporting.")
          .define(
              POLL_INTERVAL_MS,
              Type.LONG,
              5_000L,
              ConfigDef.Range.between(100L, 3_600_000L),
              Importance.MEDIUM,
              "How long to wait before asking the change feed again once it had nothing new.")
          .define(
              PAYMENTS_TOPIC,
              Type.STRING,
              "hirfa.payments.events",
              HirfaSourceConfig::topic,
              Importance.HIGH,
              "The topic of verified payment events, keyed by the payment, refund, payout or"
                  + " settlement id.")
          .define(
              WEBHOOK_SECRET,
              Type.PASSWORD,
              null,
              HirfaSourceConfig::secret,
              Importance.HIGH,
              "The whsec_ secret of the webhook endpoint registered for this connector; unset, no"
                  + " payment events are received. Hidden like the API key.")
          .define(
              WEBHOOK_PORT,
              Type.INT,
              8089,
              ConfigDef.Range.between(1, 65_535),
              Importance.MEDIUM,
              "The port the webhook receiver listens on, on the worker running the task.")
          .define(
              WEBHOOK_BIND,
              Type.STRING,
              "0.0.0.0",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "The address the webhook receiver binds.")
          .define(
              WEBHOOK_PATH,
              Type.STRING,
              "/hirfa/webhooks",
              HirfaSourceConfig::path,
              Importance.LOW,
              "The path of the webhook receiver.")
          .define(
              WEBHOOK_ACK_TIMEOUT_MS,
              Type.LONG,
              8_000L,
              ConfigDef.Range.between(100L, 9_000L),
              Importance.LOW,
              "How long a delivery waits for Kafka to acknowledge its record before it is"
                  + " answered 503 (the platform then retries); below the platform's 10 s.");

  HirfaSourceConfig(Map<String, String> props) {
    this(props, false);
  }

  /**
   * @param log whether to log the settings at INFO (the task does, once at start), the passwords as
   *     {@code [hidden]}
   */
  HirfaSourceConfig(Map<String, String> props, boolean log) {
    super(DEF, props, log);
  }

  String apiKey() {
    return getPassword(API_KEY).value();
  }

  String baseUrl() {
    return getString(BASE_URL);
  }

  Duration callTimeout() {
    return Duration.ofMillis(getLong(CALL_TIMEOUT_MS));
  }

  @Nullable String webhookSecret() {
    Password p = getPassword(WEBHOOK_SECRET);
    return p == null ? null : p.value();
  }

  private static void apiKey(String name, @Nullable Object value) {
    String key = value instanceof Password p ? p.value() : null;
    if (key == null || !(key.startsWith("sk_live_") || key.startsWith("sk_test_"))) {
      // Never the value: it is a secret, even when it is a wrong one.
      throw new ConfigException(name + " must be a Hirfa API key starting sk_live_ or sk_test_");
    }
  }

  private static void secret(String name, @Nullable Object value) {
    if (value == null) {
      return;
    }
    String secret = value instanceof Password p ? p.value() : null;
    if (secret == null || !secret.startsWith("whsec_") || secret.length() < 20) {
      throw new ConfigException(
          name
              + " must be the endpoint's signing secret, starting whsec_ (as the API returned it)");
    }
  }

  private static void baseUrl(String name, @Nullable Object value) {
    String url = value == null ? "" : value.toString();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, "is not a URL");
    }
    boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
      throw new ConfigException(
          name, value, "must be an https URL (plain http only on 127.0.0.1, for the sandbox)");
    }
  }

  private static void topic(String name, @Nullable Object value) {
    String topic = value == null ? "" : value.toString();
    if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new ConfigException(
          name, value, "must be a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
    }
  }

  private static void path(String name, @Nullable Object value) {
    String path = value == null ? "" : value.toString();
    if (!path.startsWith("/") || path.contains(" ")) {
      throw new ConfigException(name, value, "must be a path starting with /");
    }
  }
}
