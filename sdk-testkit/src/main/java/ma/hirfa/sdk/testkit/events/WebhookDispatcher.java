package ma.hirfa.sdk.testkit.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Webhook endpoints registered over the API, and the delivery of every event to them: signed with
 * Standard Webhooks, retried with exponential back-off, re-signed on each attempt, logged.
 * Deliveries go to loopback URLs only: the sandbox never sends traffic off the machine.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private final Ids ids;
  private final Clock clock;
  private final Duration backoff;
  private final int maxAttempts;
  private final ScheduledExecutorService scheduler;
  private final SecureRandom random = new SecureRandom();
  private final Object lock = new Object();

  @GuardedBy("lock")
  private long seq;

  @GuardedBy("lock")
  private final List<Endpoint> endpoints = new ArrayList<>();

  @GuardedBy("lock")
  private final Map<String, Endpoint> endpointsById = new HashMap<>();

  public WebhookDispatcher(Ids ids, Clock clock, Duration backoff, int maxAttempts) {
    this.ids = ids;
    this.clock = clock;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "hirfa-sandbox-webhooks");
              t.setDaemon(true);
              return t;
            });
  }

  /** Registers an endpoint (checked by {@link WebhookEndpointsHandler}); returns it. */
  Endpoint register(String url, List<String> events, String secret) {
    synchronized (lock) {
      Endpoint endpoint = new Endpoint(ids.next("we"), ++seq, url, events, secret, clock.instant());
      endpoints.add(endpoint);
      endpointsById.put(endpoint.id, endpoint);
      return endpoint;
    }
  }

  /** A new random signing secret, {@code whsec_} and 24 random bytes in Base64. */
  String newSecret() {
    byte[] key = new byte[24];
    random.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** A page of the endpoints, newest first. */
  ObjectNode endpointsPage(Exchange e) {
    synchronized (lock) {
      return Pages.page(e, endpoints, x -> x.seq, x -> true, x -> render(x, false));
    }
  }

  /** A page of an endpoint's deliveries, newest first. */
  ObjectNode deliveriesPage(Exchange e, String endpointId) {
    synchronized (lock) {
      Endpoint endpoint = endpointsById.get(endpointId);
      if (endpoint == null) {
        throw new Exchange.ApiError(Problems.notFound("webhook endpoint", endpointId));
      }
      return Pages.page(e, endpoint.deliveries, d -> d.seq, d -> true, this::render);
    }
  }

  /** Queues the event for every endpoint subscribed to its type. */
  public void onEvent(ObjectNode event) {
    String type = event.path("type").asText();
    byte[] body;
    try {
      body = Exchange.JSON.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    synchronized (lock) {
      for (Endpoint endpoint : endpoints) {
        if (endpoint.events.contains("*") || endpoint.events.contains(type)) {
          Delivery d = new Delivery();
          d.id = ids.next("whd");
          d.seq = ++seq;
          d.eventId = event.path("id").asText();
          d.eventType = type;
          d.webhookId = "msg_" + d.id.substring(4);
          d.body = body;
          endpoint.deliveries.add(d);
          var unused = scheduler.schedule(() -> attempt(endpoint, d), 0, TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  private void attempt(Endpoint endpoint, Delivery d) {
    // Re-signed on every attempt, with the real time: receivers check the timestamp against
    // their own clock, which the sandbox clock's advances do not move.
    Map<String, String> headers = endpoint.signer.sign(d.webhookId, Instant.now(), d.body);
    int status;
    try {
      status = post(endpoint.url, headers, d.body);
    } catch (IOException e) {
      status = 0;
    }
    if (Thread.currentThread().isInterrupted()) {
      return; // the sandbox is closing
    }
    synchronized (lock) {
      d.attempts++;
      d.lastStatus = status;
      d.lastAttemptAt = clock.instant();
      if (status >= 200 && status < 300) {
        d.status = "succeeded";
        return;
      }
      if (d.attempts >= maxAttempts) {
        d.status = "failed";
        return;
      }
    }
    long delay = backoff.toMillis() << Math.min(d.attempts - 1, 16);
    var unused = scheduler.schedule(() -> attempt(endpoint, d), delay, TimeUnit.MILLISECONDS);
  }

  /**
   * Posts one delivery. {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: on
   * JDK 17 an HttpClient cannot be closed and its selector thread outlives the sandbox, which leak
   * checks of the tests that use the sandbox would (rightly) report. The connection is closed after
   * each delivery, so no keep-alive thread stays either.
   */
  private static int post(String url, Map<String, String> headers, byte[] body) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
    try {
      c.setConnectTimeout(5_000);
      c.setReadTimeout(10_000);
      c.setInstanceFollowRedirects(false);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(body.length);
      c.setRequestProperty("Content-Type", "application/json");
      c.setRequestProperty("User-Agent", "hirfa-sandbox-webhooks");
      headers.forEach(c::setRequestProperty);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      int status = c.getResponseCode();
      InputStream answer = status >= 400 ? c.getErrorStream() : c.getInputStream();
      if (answer != null) {
        try (answer) {
          long unused = answer.skip(64 * 1024); // the answer is not read, only drained a little
        }
      }
      return status;
    } finally {
      c.disconnect();
    }
  }

  ObjectNode render(Endpoint e, boolean withSecret) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", e.id);
    o.put("url", e.url);
    e.events.forEach(o.putArray("events")::add);
    if (withSecret) {
      o.put("secret", e.secret);
    }
    o.put("created_at", e.createdAt.toString());
    return o;
  }

  private ObjectNode render(Delivery d) {
    ObjectNode o = Exchange.JSON.createObjectNode();
    o.put("id", d.id);
    o.put("event_id", d.eventId);
    o.put("event_type", d.eventType);
    o.put("webhook_id", d.webhookId);
    o.put("status", d.status);
    o.put("attempts", d.attempts);
    if (d.lastAttemptAt == null) {
      o.putNull("last_response_status");
      o.putNull("last_attempt_at");
    } else {
      o.put("last_response_status", d.lastStatus);
      o.put("last_attempt_at", d.lastAttemptAt.toString());
    }
    return o;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** A registered endpoint; its deliveries are guarded by the dispatcher's lock. */
  static final class Endpoint {
    final String id;
    final long seq;
    final String url;
    final List<String> events;
    final String secret;
    final WebhookSigner signer;
    final Instant createdAt;
    final List<Delivery> deliveries = new ArrayList<>();

    Endpoint(
        String id, long seq, String url, List<String> events, String secret, Instant createdAt) {
      this.id = id;
      this.seq = seq;
      this.url = url;
      this.events = List.copyOf(events);
      this.secret = secret;
      this.signer = WebhookSigner.builder().secret(secret).clock(Clock.systemUTC()).build();
      this.createdAt = createdAt;
    }
  }

  /** One event's delivery to one endpoint; guarded by the dispatcher's lock. */
  private static final class Delivery {
    String id = "";
    long seq;
    String eventId = "";
    String eventType = "";
    String webhookId = "";
    byte[] body = new byte[0];
    String status = "pending";
    int attempts;
    int lastStatus;
    @Nullable Instant lastAttemptAt;
  }
}
