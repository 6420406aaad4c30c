package ma.hirfa.sdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;

/**
 * A bank's webhook endpoint: it reads at most 1 MiB, verifies every delivery over the raw body
 * before trusting it, and applies each event once through {@link ProcessedEvents}. The "platform"
 * side signs events with {@link WebhookSigner}, as the sandbox does, and posts them to the endpoint
 * on 127.0.0.1: a genuine event, a tampered one, a replay, a stale one, one signed with the new
 * secret during a rotation, one whose handler fails once and its retry, and an oversized body.
 */
public final class WebhookReceiverExample {
  static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String NEW_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

  /** The largest body the endpoint reads; the platform's events are a few kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** What the endpoint answered to one delivery. */
  public record Delivery(String scenario, int status, String answer) {}

  /** The endpoint and what its handler applied. */
  record Endpoint(HttpServer server, URI uri, List<String> applied) {}

  private WebhookReceiverExample() {}

  /**
   * Starts the endpoint on 127.0.0.1; its handler records each applied message id, and fails once
   * for the id {@code failOnce} (a database that was briefly down).
   */
  static Endpoint start(String failOnce) throws IOException {
    // The receiver accepts both secrets while the platform rotates from the old to the new one.
    WebhookVerifier verifier =
        WebhookVerifier.builder().secret(OLD_SECRET).secret(NEW_SECRET).build();
    ProcessedEvents processed =
        ProcessedEvents.inMemory(10_000, Duration.ofHours(24), Clock.systemUTC());
    List<String> applied = new ArrayList<>();
    AtomicBoolean failed = new AtomicBoolean();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hirfa/webhooks",
        exchange ->
            receive(
                exchange,
                verifier,
                processed,
                message -> {
                  if (message.id().equals(failOnce) && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("the orders database is down");
                  }
                  synchronized (applied) {
                    applied.add(message.id());
                  }
                }));
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hirfa/webhooks");
    return new Endpoint(server, uri, applied);
  }

  public static List<Delivery> run(PrintStream out) throws IOException, InterruptedException {
    Endpoint endpoint = start("msg_tour_4");
    try {
      out.println("  A webhook endpoint listens on " + endpoint.uri());
      byte[] event =
          ("{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{\"id\":\"pay_1\","
                  + "\"amount\":{\"amount_minor\":125000,\"currency\":\"MAD\"},"
                  + "\"description\":\"زربية أمازيغية من تازناخت\"}}")
              .getBytes(StandardCharsets.UTF_8);
      WebhookSigner platform = WebhookSigner.builder().secret(OLD_SECRET).build();
      Map<String, String> genuine = platform.sign("msg_tour_1", Instant.now(), event);
      byte[] tampered =
          new String(event, StandardCharsets.UTF_8)
              .replace("125000", "925000")
              .getBytes(StandardCharsets.UTF_8);
      Map<String, String> failing = platform.sign("msg_tour_4", Instant.now(), event);

      List<Delivery> deliveries = new ArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      URI uri = endpoint.uri();
      deliveries.add(post(http, uri, "genuine event", genuine, event));
      deliveries.add(post(http, uri, "amount tampered in transit", genuine, tampered));
      deliveries.add(post(http, uri, "same delivery replayed", genuine, event));
      deliveries.add(
          post(
              http,
              uri,
              "event signed 20 minutes ago",
              platform.sign("msg_tour_2", Instant.now().minus(Duration.ofMinutes(20)), event),
              event));
      deliveries.add(
          post(
              http,
              uri,
              "signed with the new secret (rotation)",
              WebhookSigner.builder()
                  .secret(NEW_SECRET)
                  .build()
                  .sign("msg_tour_3", Instant.now(), event),
              event));
      deliveries.add(post(http, uri, "handler fails (database down)", failing, event));
      deliveries.add(post(http, uri, "the platform's retry of it", failing, event));
      deliveries.add(
          post(http, uri, "a body one byte over 1 MiB", genuine, new byte[MAX_BODY_BYTES + 1]));
      for (Delivery d : deliveries) {
        out.printf("  %-40s -> HTTP %d %s%n", d.scenario(), d.status(), d.answer());
      }
      out.println("  Events applied: " + endpoint.applied());
      return deliveries;
    } finally {
      endpoint.server().stop(0);
    }
  }

  /** The handler's work for one verified message. */
  @FunctionalInterface
  interface Handler {
    void apply(WebhookMessage message);
  }

  private static void receive(
      HttpExchange exchange, WebhookVerifier verifier, ProcessedEvents processed, Handler handler)
      throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1); // the raw bytes, bounded: never parse first
    }
    int status;
    String answer;
    if (body.length > MAX_BODY_BYTES) {
      status = 413; // refused before anything is verified, let alone kept
      answer = "refused: over " + MAX_BODY_BYTES + " bytes";
    } else {
      try {
        WebhookMessage message = verifier.verify(exchange.getRequestHeaders(), body);
        boolean now = processed.processOnce(message, handler::apply);
        status = 204; // the same answer whether it was applied now or before
        answer = (now ? "applied " : "already applied ") + message.id();
      } catch (WebhookVerificationException e) {
        status = 400; // forged, tampered or stale: never trusted
        answer = "refused: " + e.reason();
      } catch (RuntimeException e) {
        status = 500; // not recorded: the platform's retry runs the handler again
        answer = "handler failed, not recorded";
      }
    }
    exchange.getResponseHeaders().add("X-Answer", answer);
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static Delivery post(
      HttpClient http, URI endpoint, String scenario, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<Void> response =
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    return new Delivery(
        scenario, response.statusCode(), response.headers().firstValue("X-Answer").orElse(""));
  }
}
