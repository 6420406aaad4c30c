package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Plain HTTP against the sandbox, without the SDK: what the sandbox's own tests drive. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Sandbox sandbox;

  Http(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  record Reply(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  Reply get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  /** POST with a fresh Idempotency-Key unless one is among {@code headers}. */
  Reply post(String path, String json, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .header("Content-Type", "application/json");
    boolean keyed = false;
    for (int i = 0; i < headers.length; i += 2) {
      keyed |= headers[i].equalsIgnoreCase("Idempotency-Key");
    }
    if (!keyed) {
      b.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    return send(b, headers);
  }

  /** Any method with a JSON body (or none when {@code json} is null). */
  Reply call(String method, String path, String json, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b, headers);
  }

  /** GET as a stream of lines (for the NDJSON export), with the response headers. */
  HttpResponse<java.util.stream.Stream<String>> lines(String path) {
    HttpRequest r =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + sandbox.apiKey())
            .GET()
            .build();
    try {
      return client.send(r, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Reply send(HttpRequest.Builder b, String... headers) {
    b.header("Authorization", "Bearer " + sandbox.apiKey()).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r =
          client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      return new Reply(r.statusCode(), h, r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private URI uri(String path) {
    return URI.create(sandbox.baseUrl() + (path.startsWith("/") ? path.substring(1) : path));
  }

  static String card(String number, String order) {
    return payment(
        "{\"type\":\"card\",\"card\":{\"number\":\""
            + number
            + "\",\"exp_month\":12,\"exp_year\":2031,\"cvc\":\"123\"}}",
        order,
        125000,
        "automatic");
  }

  static String payment(String method, String order, long amount, String capture) {
    return "{\"amount\":{\"amount_minor\":"
        + amount
        + ",\"currency\":\"MAD\"},\"order_reference\":\""
        + order
        + "\",\"artisan_id\":\"art_7QK2M9\",\"method\":"
        + method
        + ",\"capture_method\":\""
        + capture
        + "\"}";
  }
}
