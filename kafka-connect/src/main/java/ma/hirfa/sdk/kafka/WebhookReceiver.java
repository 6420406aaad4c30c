package ma.hirfa.sdk.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.payments.PaymentEventParser;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment events' way in: the Payments API has no event feed to poll, so the task receives the
 * platform's signed webhook deliveries itself. A delivery is verified (Standard Webhooks, over the
 * raw bytes, at most 1 MiB), turned into a record, handed to Connect through {@link #drain}, and
 * answered {@code 204} only once Kafka acknowledged the record ({@link #acknowledged}); otherwise
 * {@code 503} within the ack timeout, and the platform delivers it again. At least once: a delivery
 * whose {@code 204} was lost arrives again and is written again, with the same event id header.
 *
 * <p>Order: records leave in the order this receiver queued them, which is the order the deliveries
 * arrived. The platform delivers concurrently and retries later, so two events of one payment in
 * flight at once may be queued in either order; a delivery that arrives after another was queued
 * (answered {@code 204}, say) is queued after it.
 */
final class WebhookReceiver implements AutoCloseable {
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  private final WebhookVerifier verifier;
  private final PaymentEventParser parser = new PaymentEventParser();
  private final String topic;
  private final long ackTimeoutMs;
  private final HttpServer server;
  private final ExecutorService threads;
  private final BlockingQueue<SourceRecord> queue;
  private final Map<SourceRecord, CompletableFuture<Void>> waiting =
      Collections.synchronizedMap(new IdentityHashMap<>());

  WebhookReceiver(
      String secret, String topic, String bind, int port, String path, long ackTimeoutMs)
      throws IOException {
    this(secret, topic, bind, port, path, ackTimeoutMs, new LinkedBlockingQueue<>(10_000));
  }

  /** With the queue given: the tests' queue forces the interleavings they attack. */
  WebhookReceiver(
      String secret,
      String topic,
      String bind,
      int port,
      String path,
      long ackTimeoutMs,
      BlockingQueue<SourceRecord> queue)
      throws IOException {
    this.queue = queue;
    this.verifier = WebhookVerifier.builder().secret(secret).build();
    this.topic = topic;
    this.ackTimeoutMs = ackTimeoutMs;
    this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
    this.threads = Executors.newFixedThreadPool(8, r -> new Thread(r, "hirfa-webhooks"));
    server.setExecutor(threads);
    server.createContext(path, this::receive);
    server.start();
    log.info("Hirfa payments: receiving webhooks on {}:{}{}", bind, port, path);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        answer(exchange, 413);
        return;
      }
      SourceRecord record;
      try {
        WebhookMessage message = verifier.verify(exchange.getRequestHeaders(), body);
        record = PaymentRecords.record(topic, message, parser.parse(message));
      } catch (WebhookVerificationException e) {
        log.warn("Hirfa payments: refused a delivery: {}", e.reason());
        answer(exchange, 400);
        return;
      } catch (HirfaException e) {
        log.warn("Hirfa payments: refused an event that could not be read: {}", e.getMessage());
        answer(exchange, 400);
        return;
      }
      answer(exchange, publish(record) ? 204 : 503);
    }
  }

  /** Queues the record for the task's next poll and waits until Kafka acknowledged it. */
  private boolean publish(SourceRecord record) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    waiting.put(record, acked);
    try {
      if (!queue.offer(record, ackTimeoutMs, TimeUnit.MILLISECONDS)) {
        return false;
      }
      acked.get(ackTimeoutMs, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false; // not known to be in Kafka: the platform's retry brings it again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.remove(record);
    }
  }

  /**
   * The records received since the last call, in the order this receiver queued them, waiting at
   * most {@code waitMs} for a first one. Records taken are never put back: the shared queue is
   * filled by the HTTP threads at the same time, so only the task keeps what it took.
   */
  List<SourceRecord> drain(long waitMs) throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    SourceRecord first = waitMs > 0 ? queue.poll(waitMs, TimeUnit.MILLISECONDS) : queue.poll();
    if (first != null) {
      out.add(first);
      queue.drainTo(out, 999);
    }
    return out;
  }

  /** The port the receiver listens on (the configured one, or the one chosen for port 0). */
  int port() {
    return server.getAddress().getPort();
  }

  /** Connect acknowledged a record (Kafka has it): its delivery is answered 204. */
  void acknowledged(SourceRecord record) {
    CompletableFuture<Void> f = waiting.get(record);
    if (f != null) {
      f.complete(null);
    }
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    synchronized (waiting) {
      waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("stopped")));
    }
  }
}
