package ma.hirfa.sdk.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import ma.hirfa.sdk.testkit.payments.PaymentsHandler;
import ma.hirfa.sdk.testkit.server.ContractValidator;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.IdempotencyStore;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.RateLimiter;
import ma.hirfa.sdk.testkit.server.RouteTable;
import ma.hirfa.sdk.testkit.server.Streamer;
import ma.hirfa.sdk.testkit.server.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's request pipeline, as a WireMock transformer behind one catch-all stub: journal,
 * faults, authentication, rate limit, contract check, idempotency, what fell due on the clock, then
 * the handler the contract's route table binds to the request's operation.
 */
final class Router implements ResponseDefinitionTransformerV2 {
  static final String NAME = "hirfa-sandbox";
  private static final Pattern TEST_KEY = Pattern.compile("sk_test_[A-Za-z0-9]{8,200}");
  private static final Pattern THREE_DS = Pattern.compile("/sandbox/3ds/(pay_[A-Za-z0-9]+)");

  private final Ids requestIds;
  private final Faults faults;
  private final RateLimiter rateLimiter;
  private final RouteTable routes;
  private final ContractValidator contract;
  private final IdempotencyStore idempotency;
  private final PaymentsHandler payments;
  private final Streamer streamer;
  private final Timeline timeline;
  private final RequestJournal journal;
  private final SandboxClock clock;
  private final boolean strictResponses;
  private final AtomicLong writes = new AtomicLong();

  /** Writes applied per idempotency key, for the most recent keys (a bounded memory). */
  @GuardedBy("writesByKey")
  private final Map<String, Long> writesByKey =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > KEYS_REMEMBERED;
        }
      };

  static final int KEYS_REMEMBERED = 100_000;

  Router(
      Ids requestIds,
      Faults faults,
      RateLimiter rateLimiter,
      RouteTable routes,
      IdempotencyStore idempotency,
      PaymentsHandler payments,
      Streamer streamer,
      Timeline timeline,
      RequestJournal journal,
      SandboxClock clock,
      boolean strictResponses) {
    this.requestIds = requestIds;
    this.faults = faults;
    this.rateLimiter = rateLimiter;
    this.routes = routes;
    this.contract = new ContractValidator(routes);
    this.idempotency = idempotency;
    this.payments = payments;
    this.streamer = streamer;
    this.timeline = timeline;
    this.journal = journal;
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
      journal.record(e, 0);
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
      journal.record(e, r.status());
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
    journal.record(e, answered(response, fault));
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
      return Problems.contractViolation(violations);
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
      if (response.status() < 400) {
        synchronized (writesByKey) {
          writesByKey.merge(idempotencyKey, 1L, Long::sum);
        }
      }
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

  /** Writes applied with this idempotency key (0 for a key not among the recent ones). */
  long writes(String idempotencyKey) {
    synchronized (writesByKey) {
      return writesByKey.getOrDefault(idempotencyKey, 0L);
    }
  }

  /** The status the client sees: the handler's, or the injected fault's (0: no answer). */
  private static int answered(Exchange.Response r, Faults.@Nullable Rule fault) {
    if (fault == null) {
      return r.status();
    }
    return switch (fault.kind()) {
      case RESET_AFTER_COMMIT, TRUNCATED -> 0;
      case STATUS_AFTER_COMMIT -> fault.status();
      default -> r.status();
    };
  }

  private Exchange.Response handled(Exchange e) {
    Optional<RouteTable.Match> route = routes.match(e.method, e.path);
    if (route.isEmpty()) {
      return Problems.problem(
          404, "route_not_found", "Not found", e.method + " " + e.path + " is not an API route");
    }
    // Transitions due by now happen before the request sees the state (and each at its own time).
    timeline.catchUp();
    Exchange.Response r = routes.handler(route.get()).handle(e, route.get());
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
    java.util.regex.Matcher threeDs = THREE_DS.matcher(e.path);
    if (e.method.equals("POST") && threeDs.matches()) {
      timeline.catchUp();
      return payments.threeDsPage(e, threeDs.group(1));
    }
    return Problems.problem(
        404, "route_not_found", "Not found", e.path + " is not a sandbox route");
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
      b.withHeader("Content-Type", r.contentType())
          .withBody(Problems.withRequestId(r, e.requestId));
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
              .withBody(Problems.withRequestId(failed, e.requestId))
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

  private Exchange exchange(LoggedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key().toLowerCase(Locale.ROOT), h.firstValue());
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    return Exchange.parse(
        request.getMethod().getName(), request.getUrl(), headers, body, requestIds.next("req"));
  }
}
