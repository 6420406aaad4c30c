package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's request pipeline, as a WireMock transformer behind one catch-all stub: faults,
 * authentication, rate limit, contract check, idempotency, then the resource handlers.
 */
final class Router implements ResponseDefinitionTransformerV2 {
  static final String NAME = "hirfa-sandbox";
  private static final Pattern TEST_KEY = Pattern.compile("sk_test_[A-Za-z0-9]{8,200}");

  private final Ids requestIds;
  private final Faults faults;
  private final RateLimiter rateLimiter;
  private final ContractValidator contract;
  private final IdempotencyStore idempotency;
  private final PaymentsApi payments;
  private final MarketplaceApi marketplace;
  private final Streamer streamer;
  private final WebhookDispatcher webhooks;
  private final Ledger ledger;
  private final SandboxClock clock;
  private final boolean strictResponses;
  private final AtomicLong writes = new AtomicLong();

  Router(
      Ids requestIds,
      Faults faults,
      RateLimiter rateLimiter,
      ContractValidator contract,
      IdempotencyStore idempotency,
      PaymentsApi payments,
      MarketplaceApi marketplace,
      Streamer streamer,
      WebhookDispatcher webhooks,
      Ledger ledger,
      SandboxClock clock,
      boolean strictResponses) {
    this.requestIds = requestIds;
    this.faults = faults;
    this.rateLimiter = rateLimiter;
    this.contract = contract;
    this.idempotency = idempotency;
    this.payments = payments;
    this.marketplace = marketplace;
    this.streamer = streamer;
    this.webhooks = webhooks;
    this.ledger = ledger;
    this.clock = clock;
    this.strictResponses = strictResponses;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Exchange e = exchange(serveEvent.getRequest());
    Faults.Rule fault = fault(e);
    if (fault != null && fault.kind() == Faults.Kind.RESET_BEFORE) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER)
          .build();
    }
    if (fault != null && fault.kind() == Faults.Kind.STATUS) {
      Exchange.Response r =
          fault.status() == 429
              ? rateLimited(fault.delay())
              : Problems.problem(
                  fault.status(),
                  "sandbox_fault",
                  "Injected failure",
                  "injected by a sandbox fault");
      return definition(e, r, null);
    }
    Exchange.Response response;
    try {
      response = e.path.startsWith("/sandbox/") ? sandboxRoute(e) : apiRoute(e);
    } catch (Exchange.ApiError error) {
      response = error.response;
    } catch (RuntimeException unexpected) {
      response =
          Problems.problem(500, "sandbox_error", "Sandbox error", String.valueOf(unexpected));
    }
    return definition(e, response, fault);
  }

  private Exchange.Response apiRoute(Exchange e) {
    String auth = e.header("authorization");
    String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    if (key.startsWith("sk_live_")) {
      return Problems.problem(
          401, "live_key_in_sandbox", "Unauthorized", "the sandbox accepts only sk_test_ keys");
    }
    if (!TEST_KEY.matcher(key).matches()) {
      return Problems.problem(
          401, "authentication_required", "Unauthorized", "send Authorization: Bearer sk_test_...");
    }
    RateLimiter.Decision quota = rateLimiter.acquire(key);
    Exchange.Response response = quota.allowed() ? authorized(e, key) : rateLimited(quota);
    response.header("RateLimit-Limit", Integer.toString(quota.limit()));
    response.header("RateLimit-Remaining", Integer.toString(quota.remaining()));
    response.header("RateLimit-Reset", Long.toString(quota.resetSeconds()));
    return response;
  }

  private Exchange.Response authorized(Exchange e, String apiKey) {
    List<String> violations = contract.checkRequest(e);
    if (!violations.isEmpty()) {
      return contractViolation(violations);
    }
    // Honoured on every write: a repeated PUT, PATCH or DELETE is answered as the first was.
    String idempotencyKey = e.method.equals("GET") ? null : e.header("idempotency-key");
    if (idempotencyKey == null) {
      return counted(e, handled(e));
    }
    IdempotencyStore.Decision decision = idempotency.begin(apiKey, idempotencyKey, e);
    if (decision instanceof IdempotencyStore.Replay replay) {
      return replay.response();
    }
    String slot = ((IdempotencyStore.Proceed) decision).slot();
    try {
      Exchange.Response response = counted(e, handled(e));
      idempotency.complete(slot, response);
      return response;
    } catch (Exchange.ApiError error) {
      idempotency.complete(slot, error.response);
      throw error;
    } catch (RuntimeException unexpected) {
      idempotency.abandon(slot);
      throw unexpected;
    }
  }

  /** Counts a write the handlers applied (not a replay, not a refusal): see {@link #writes()}. */
  private Exchange.Response counted(Exchange e, Exchange.Response r) {
    if (!e.method.equals("GET") && r.status() < 400) {
      writes.incrementAndGet();
    }
    return r;
  }

  /** Writes applied so far: the exactly-once checks compare it before and after a call. */
  long writes() {
    return writes.get();
  }

  private Exchange.Response handled(Exchange e) {
    Exchange.Response r = marketplace.handle(e);
    if (r == null) {
      r = payments.handle(e);
    }
    if (r == null) {
      r = webhooks.handle(e);
    }
    if (r == null) {
      r = ledger.handle(e);
    }
    if (r == null) {
      return Problems.problem(
          404, "route_not_found", "Not found", e.method + " " + e.path + " is not an API route");
    }
    if (strictResponses && r.stream() == null) {
      List<String> violations = contract.checkResponse(e, r);
      if (!violations.isEmpty()) {
        return Problems.problem(
            500,
            "sandbox_contract_violation",
            "The sandbox broke the contract",
            String.join("; ", violations));
      }
    }
    return r;
  }

  private Exchange.Response sandboxRoute(Exchange e) {
    if (e.method.equals("POST") && e.path.equals("/sandbox/clock/advance")) {
      long seconds = e.jsonBody().path("seconds").asLong(-1);
      if (seconds < 0) {
        return Problems.invalid(
            new Problems.FieldErrors().add("seconds", "must_be_positive", "seconds >= 0"));
      }
      clock.advance(Duration.ofSeconds(seconds));
      return Exchange.Response.json(
          200, Exchange.JSON.createObjectNode().put("now", clock.instant().toString()));
    }
    Exchange.Response r = payments.handle(e);
    return r != null
        ? r
        : Problems.problem(404, "route_not_found", "Not found", e.path + " is not a sandbox route");
  }

  private static Exchange.Response rateLimited(RateLimiter.Decision quota) {
    return Problems.problem(
            429,
            "rate_limited",
            "Too many requests",
            "the quota of " + quota.limit() + " requests is spent")
        .header("Retry-After", Long.toString(quota.resetSeconds()));
  }

  private static Exchange.Response rateLimited(Duration retryAfter) {
    Exchange.Response r =
        Problems.problem(429, "rate_limited", "Too many requests", "injected by a sandbox fault");
    return retryAfter.isZero() ? r : r.header("Retry-After", Long.toString(retryAfter.toSeconds()));
  }

  private static Exchange.Response contractViolation(List<String> violations) {
    Exchange.Response r =
        Problems.problem(
            400,
            "contract_violation",
            "The request breaks the API contract",
            String.join("; ", violations));
    try {
      ObjectNode body = (ObjectNode) Exchange.JSON.readTree(r.body());
      ArrayNode errors = body.putArray("errors");
      for (String v : violations) {
        int colon = v.indexOf(':');
        errors
            .addObject()
            .put("field", v.substring(0, Math.max(colon, 0)))
            .put("code", "contract_violation")
            .put("message", v);
      }
      return new Exchange.Response(
          400, r.headers(), Exchange.JSON.writeValueAsBytes(body), r.contentType());
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Faults.@Nullable Rule fault(Exchange e) {
    String header = e.header("hirfa-sandbox-fault");
    if (header != null) {
      String h = header.trim().toLowerCase(Locale.ROOT);
      if (h.equals("reset-before")) {
        return new Faults.Rule(Faults.Kind.RESET_BEFORE, e.method, e.path, 0, Duration.ZERO, 1);
      }
      if (h.equals("reset-after-commit")) {
        return new Faults.Rule(
            Faults.Kind.RESET_AFTER_COMMIT, e.method, e.path, 0, Duration.ZERO, 1);
      }
      if (h.equals("truncated")) {
        return new Faults.Rule(Faults.Kind.TRUNCATED, e.method, e.path, 0, Duration.ZERO, 1);
      }
      if (h.equals("malformed")) {
        return new Faults.Rule(Faults.Kind.MALFORMED, e.method, e.path, 0, Duration.ZERO, 1);
      }
      if (h.startsWith("delay-")) {
        return new Faults.Rule(
            Faults.Kind.DELAY,
            e.method,
            e.path,
            0,
            Duration.ofMillis(Long.parseLong(h.substring(6))),
            1);
      }
      if (h.matches("429|5\\d\\d")) {
        int status = Integer.parseInt(h);
        return new Faults.Rule(
            Faults.Kind.STATUS, e.method, e.path, status, Faults.defaultRetryAfter(status), 1);
      }
    }
    int attempt;
    try {
      attempt = Integer.parseInt(String.valueOf(e.header("hirfa-attempt")).trim());
    } catch (NumberFormatException notAnAttempt) {
      attempt = 0;
    }
    return faults.take(e.method, e.path, e.header("idempotency-key"), attempt);
  }

  private ResponseDefinition definition(
      Exchange e, Exchange.Response r, Faults.@Nullable Rule fault) {
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition().withStatus(r.status());
    b.withHeader("Request-Id", e.requestId);
    r.headers().forEach(b::withHeader);
    if (r.body() != null) {
      b.withHeader("Content-Type", r.contentType()).withBody(withRequestId(r, e.requestId));
    } else if (r.stream() != null) {
      streamer.register(e.requestId, r.stream());
      b.withHeader("Content-Type", r.contentType());
    }
    if (fault != null) {
      switch (fault.kind()) {
        case RESET_AFTER_COMMIT -> b.withFault(Fault.CONNECTION_RESET_BY_PEER);
        case STATUS_AFTER_COMMIT -> {
          Exchange.Response failed =
              Problems.problem(
                  fault.status(),
                  "sandbox_fault",
                  "Injected failure",
                  "injected by a sandbox fault after the request was committed");
          return ResponseDefinitionBuilder.responseDefinition()
              .withStatus(failed.status())
              .withHeader("Request-Id", e.requestId)
              .withHeader("Content-Type", failed.contentType())
              .withBody(withRequestId(failed, e.requestId))
              .build();
        }
        case TRUNCATED -> b.withFault(Fault.MALFORMED_RESPONSE_CHUNK);
        case MALFORMED ->
            b.withBody("{\"id\": \"pay_").withHeader("Content-Type", "application/json");
        case DELAY -> b.withFixedDelay((int) fault.delay().toMillis());
        default -> {
          // RESET_BEFORE and STATUS were answered before processing; PASS is no fault.
        }
      }
    }
    return b.build();
  }

  /** Problem documents name the request, so a partner can quote it from the body alone. */
  private static byte[] withRequestId(Exchange.Response r, String requestId) {
    byte[] body = Objects.requireNonNull(r.body());
    if (!r.contentType().equals("application/problem+json")) {
      return body;
    }
    try {
      ObjectNode problem = (ObjectNode) Exchange.JSON.readTree(body);
      if (!problem.has("request_id")) {
        problem.put("request_id", requestId);
      }
      return Exchange.JSON.writeValueAsBytes(problem);
    } catch (IOException | ClassCastException ex) {
      return body;
    }
  }

  private Exchange exchange(LoggedRequest request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      String rawQuery = url.substring(q + 1);
      int start = 0;
      while (start <= rawQuery.length()) {
        int amp = rawQuery.indexOf('&', start);
        int end = amp < 0 ? rawQuery.length() : amp;
        String pair = rawQuery.substring(start, end);
        start = end + 1;
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key().toLowerCase(Locale.ROOT), h.firstValue());
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    return new Exchange(
        request.getMethod().getName(), path, query, headers, body, requestIds.next("req"));
  }
}
