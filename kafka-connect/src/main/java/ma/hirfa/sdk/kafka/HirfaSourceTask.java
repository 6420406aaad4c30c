package ma.hirfa.sdk.kafka;

import com.google.errorprone.annotations.concurrent.GuardedBy;
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
  private final Object lock = new Object();
  private volatile @Nullable CatalogClient catalog;
  private volatile @Nullable CatalogStream stream;
  private volatile @Nullable WebhookReceiver receiver;
  private volatile long pollIntervalMs;
  private volatile boolean stopping;

  @GuardedBy("lock")
  private boolean polling;

  @GuardedBy("lock")
  private boolean released;

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

  /** Starts on parts built elsewhere: the tests' servers and instrumented queue. */
  void startWith(
      @Nullable CatalogClient catalog,
      @Nullable CatalogStream stream,
      @Nullable WebhookReceiver receiver,
      long pollIntervalMs) {
    this.catalog = catalog;
    this.stream = stream;
    this.receiver = receiver;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public @Nullable List<SourceRecord> poll() throws InterruptedException {
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      polling = true;
    }
    try {
      return pollOnce();
    } finally {
      synchronized (lock) {
        polling = false;
        if (stopping) {
          release(); // stop() came during this poll and left the closing to it
        }
      }
    }
  }

  private @Nullable List<SourceRecord> pollOnce() throws InterruptedException {
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
        // The feed had nothing new: wait, still answering webhooks as they come.
        out.addAll(idle(r));
      }
    } else if (r != null && out.isEmpty()) {
      out.addAll(r.drain(Math.min(pollIntervalMs, 1_000)));
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * Waits up to the poll interval, and returns early with the payment records that arrive
   * meanwhile: this poll returns them, and a later one what arrived after them, so they leave the
   * task in the order the receiver queued them. They are never put back into the receiver's queue,
   * which its HTTP threads fill at the same time.
   */
  private List<SourceRecord> idle(@Nullable WebhookReceiver r) throws InterruptedException {
    long until = System.nanoTime() + pollIntervalMs * 1_000_000L;
    while (!stopping && System.nanoTime() < until) {
      if (r != null) {
        List<SourceRecord> early = r.drain(100);
        if (!early.isEmpty()) {
          return early;
        }
      } else {
        Thread.sleep(Math.min(100, pollIntervalMs));
      }
    }
    return List.of();
  }

  @Override
  public void commitRecord(SourceRecord record, @Nullable RecordMetadata metadata) {
    WebhookReceiver r = receiver;
    if (r != null && metadata != null) {
      r.acknowledged(record);
    }
  }

  /**
   * Only signals, from whatever thread Connect calls it on: the catalog stream stops reading after
   * the product in hand, the receiver stops taking deliveries, and the export and the API client
   * are closed by the poll in progress when it ends, or here when no poll runs. Closing the export
   * here while a poll reads it would pull the connection from under the reader (OkHttp's streams
   * are not thread-safe) and could miss an export being opened at that moment.
   */
  @Override
  public void stop() {
    stopping = true;
    CatalogStream s = stream;
    if (s != null) {
      s.requestStop();
    }
    WebhookReceiver r = receiver;
    if (r != null) {
      r.close();
    }
    synchronized (lock) {
      if (!polling) {
        release();
      }
    }
  }

  /** Closes the export and the client once, on the thread that ends last: stop or the poll. */
  @GuardedBy("lock")
  private void release() {
    if (released) {
      return;
    }
    released = true;
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
