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
import ma.hirfa.sdk.core.webhooks.ReplayGuard;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;

/**
 * A bank's webhook endpoint: it verifies every delivery over the raw body before trusting it. The
 * "platform" side signs events with {@link WebhookSigner}, as the sandbox does, and posts them to
 * the endpoint on 127.0.0.1: a genuine event, a tampered one, a replay, a stale one, and one signed
 * with the new secret during a rotation.
 */
public final class WebhookReceiverExample {
  static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String NEW_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

  /** What the endpoint answered to one delivery. */
  public record Delivery(String scenario, int status, String answer) {}

  private WebhookReceiverExample() {}

  public static List<Delivery> run(PrintStream out) throws IOException, InterruptedException {
    Clock clock = Clock.systemUTC();
    // The receiver accepts both secrets while the platform rotates from the old to the new one.
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .secret(OLD_SECRET)
            .secret(NEW_SECRET)
            .replayGuard(ReplayGuard.inMemory(10_000, Duration.ofMinutes(10), clock))
            .build();
    List<String> accepted = new ArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hirfa/webhooks", exchange -> receive(exchange, verifier, accepted));
    server.start();
    try {
      URI endpoint =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hirfa/webhooks");
      out.println("  A webhook endpoint listens on " + endpoint);
      byte[] event =
          ("{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{\"id\":\"pay_1\","
                  + "\"amount\":{\"amount_minor\":125000,\"currency\":\"MAD\"},"
                  + "\"description\":\"زربية أمازيغية من تازناخت\"}}")
              .getBytes(StandardCharsets.UTF_8);
      WebhookSigner platform = WebhookSigner.builder().secret(OLD_SECRET).build();
      Map<String, String> genuine = platform.sign("msg_tour_1", Instant.now(clock), event);
      byte[] tampered =
          new String(event, StandardCharsets.UTF_8)
              .replace("125000", "925000")
              .getBytes(StandardCharsets.UTF_8);

      List<Delivery> deliveries = new ArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      deliveries.add(post(http, endpoint, "genuine event", genuine, event));
      deliveries.add(post(http, endpoint, "amount tampered in transit", genuine, tampered));
      deliveries.add(post(http, endpoint, "same delivery replayed", genuine, event));
      deliveries.add(
          post(
              http,
              endpoint,
              "event signed 20 minutes ago",
              platform.sign("msg_tour_2", Instant.now(clock).minus(Duration.ofMinutes(20)), event),
              event));
      deliveries.add(
          post(
              http,
              endpoint,
              "signed with the new secret (rotation)",
              WebhookSigner.builder()
                  .secret(NEW_SECRET)
                  .build()
                  .sign("msg_tour_3", Instant.now(clock), event),
              event));
      for (Delivery d : deliveries) {
        out.printf("  %-40s -> HTTP %d %s%n", d.scenario(), d.status(), d.answer());
      }
      out.println("  Events processed: " + accepted);
      return deliveries;
    } finally {
      server.stop(0);
    }
  }

  private static void receive(
      HttpExchange exchange, WebhookVerifier verifier, List<String> accepted) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(1 << 20); // the raw bytes: never parse before verifying
    }
    int status;
    String answer;
    try {
      WebhookMessage message = verifier.verify(exchange.getRequestHeaders(), body);
      synchronized (accepted) {
        accepted.add(message.id());
      }
      status = 204;
      answer = "verified " + message.id();
    } catch (WebhookVerificationException e) {
      status = 400;
      answer = "refused: " + e.reason();
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
