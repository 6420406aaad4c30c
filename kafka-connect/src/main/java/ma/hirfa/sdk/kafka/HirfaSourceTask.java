package ma.hirfa.sdk.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.AppInfo;
import ma.hirfa.sdk.core.RetryPolicy;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.jspecify.annotations.Nullable;

/**
 * The connector's one task: the catalog stream ({@link CatalogStream}) and the webhook receiver
 * ({@link WebhookReceiver}). One task, because the change feed is one ordered stream with one
 * cursor; Connect restarts it on another worker after a failure or a rebalance, from the offsets
 * its last committed records carry.
 */
public final class HirfaSourceTask extends SourceTask {
  private @Nullable CatalogClient catalog;
  private @Nullable CatalogStream stream;
  private @Nullable WebhookReceiver receiver;
  private long pollIntervalMs;
  private volatile boolean stopping;

  @Override
  public String version() {
    return HirfaSourceConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    HirfaSourceConfig config = new HirfaSourceConfig(props, true); // passwords [hidden]
    pollIntervalMs = config.getLong(HirfaSourceConfig.POLL_INTERVAL_MS);
    if (config.getBoolean(HirfaSourceConfig.CATALOG_ENABLED)) {
      CatalogClient client =
          CatalogClient.builder()
              .apiKey(config.apiKey())
              .baseUrl(config.baseUrl())
              .configure(
                  o ->
                      o.appInfo(AppInfo.of("hirfa-kafka-connect", HirfaSourceConnector.VERSION))
                          .callTimeout(config.callTimeout())
                          .retryPolicy(
                              RetryPolicy.builder()
                                  .maxAttempts(config.getInt(HirfaSourceConfig.MAX_ATTEMPTS))
                                  .build()))
              .build();
      catalog = client;
      Map<String, Object> offset = context.offsetStorageReader().offset(CatalogStream.PARTITION);
      stream =
          new CatalogStream(
              client.products(),
              config.getString(HirfaSourceConfig.CATALOG_TOPIC),
              config.getInt(HirfaSourceConfig.PAGE_SIZE),
              config.getInt(HirfaSourceConfig.BATCH_SIZE),
              offset);
    }
    String secret = config.webhookSecret();
    if (secret != null) {
      try {
        receiver =
            new WebhookReceiver(
                secret,
                config.getString(HirfaSourceConfig.PAYMENTS_TOPIC),
                config.getString(HirfaSourceConfig.WEBHOOK_BIND),
                config.getInt(HirfaSourceConfig.WEBHOOK_PORT),
                config.getString(HirfaSourceConfig.WEBHOOK_PATH),
                config.getLong(HirfaSourceConfig.WEBHOOK_ACK_TIMEOUT_MS));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the webhook receiver", e);
      }
    }
  }

  @Override
  public @Nullable List<SourceRecord> poll() throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    WebhookReceiver r = receiver;
    CatalogStream s = stream;
    if (r != null) {
      out.addAll(r.drain(0));
    }
    if (s != null && !stopping) {
      List<SourceRecord> catalogRecords = s.next();
      out.addAll(catalogRecords);
      if (catalogRecords.isEmpty() && s.following() && out.isEmpty()) {
        idle(r); // the feed had nothing new: wait, still answering webhooks as they come
        if (r != null) {
          out.addAll(r.drain(0));
        }
      }
    } else if (r != null && out.isEmpty()) {
      out.addAll(r.drain(Math.min(pollIntervalMs, 1_000)));
    }
    return out.isEmpty() ? null : out;
  }

  private void idle(@Nullable WebhookReceiver r) throws InterruptedException {
    long until = System.nanoTime() + pollIntervalMs * 1_000_000L;
    while (!stopping && System.nanoTime() < until) {
      if (r != null) {
        List<SourceRecord> early = r.drain(100);
        if (!early.isEmpty()) {
          r.requeue(early);
          return;
        }
      } else {
        Thread.sleep(Math.min(100, pollIntervalMs));
      }
    }
  }

  @Override
  public void commitRecord(SourceRecord record, @Nullable RecordMetadata metadata) {
    WebhookReceiver r = receiver;
    if (r != null && metadata != null) {
      r.acknowledged(record);
    }
  }

  @Override
  public void stop() {
    stopping = true;
    WebhookReceiver r = receiver;
    if (r != null) {
      r.close();
    }
    CatalogStream s = stream;
    if (s != null) {
      s.closeExport();
    }
    CatalogClient c = catalog;
    if (c != null) {
      c.close();
    }
  }
}
