package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.IdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API conventions the sandbox implements for real, proven over plain HTTP. */
class SandboxConventionsTest {
  Sandbox sandbox;
  Http http;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().rateLimit(1_000, Duration.ofSeconds(1)).start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void replayWithTheSameKeyReturnsTheFirstResponseAndCreatesNothing() {
    String body = Http.card("4242424242424242", "ORD-replay");
    Http.Reply first = http.post("/v1/payments", body, "Idempotency-Key", "key-replay");
    Http.Reply second = http.post("/v1/payments", body, "Idempotency-Key", "key-replay");

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("id")).isEqualTo(first.json().path("id"));
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(sandbox.paymentCount("ORD-replay")).isEqualTo(1);
  }

  @Test
  void writesAreCountedPerKeyAndAReplayIsNotAWrite() {
    String body = Http.card("4242424242424242", "ORD-count");
    http.post("/v1/payments", body, "Idempotency-Key", "key-count");
    http.post("/v1/payments", body, "Idempotency-Key", "key-count");
    http.post("/v1/payments", Http.card("4242424242424242", "ORD-other"), "Idempotency-Key", "k2");

    assertThat(sandbox.writesApplied("key-count")).isEqualTo(1);
    assertThat(sandbox.writesApplied("k2")).isEqualTo(1);
    assertThat(sandbox.writesApplied("never-used")).isZero();
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    http.post(
        "/v1/payments", Http.card("4242424242424242", "ORD-a"), "Idempotency-Key", "key-reused");
    Http.Reply r =
        http.post(
            "/v1/payments",
            Http.card("4242424242424242", "ORD-b"),
            "Idempotency-Key",
            "key-reused");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("code").asText()).isEqualTo("idempotency_key_reused");
    assertThat(sandbox.paymentCount("ORD-b")).isZero();
  }

  @Test
  void aLostResponseAfterCommitThenARetryWithTheSameKeyReturnsTheOriginalPayment() {
    sandbox.faults().resetAfterCommit("POST", "/v1/payments", 1);
    String body = Http.card("4242424242424242", "ORD-lost");

    assertThatThrownBy(() -> http.post("/v1/payments", body, "Idempotency-Key", "key-lost"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(sandbox.paymentCount("ORD-lost")).as("the side effect happened").isEqualTo(1);

    Http.Reply retry = http.post("/v1/payments", body, "Idempotency-Key", "key-lost");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(sandbox.paymentCount("ORD-lost")).isEqualTo(1);
  }

  @Test
  void aResetBeforeProcessingCreatesNothing() {
    assertThatThrownBy(
            () ->
                http.post(
                    "/v1/payments",
                    Http.card("4242424242424242", "ORD-reset"),
                    "Hirfa-Sandbox-Fault",
                    "reset-before"))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(sandbox.paymentCount("ORD-reset")).isZero();
  }

  @Test
  void injectedServerErrorsComeThenGo() {
    sandbox.faults().status("GET", "/v1/payments", 503, 2);

    assertThat(http.get("/v1/payments").status()).isEqualTo(503);
    assertThat(http.get("/v1/payments").status()).isEqualTo(503);
    assertThat(http.get("/v1/payments").status()).isEqualTo(200);
  }

  @Test
  void anInjected429CarriesTheRetryAfterAskedForOrNone() {
    sandbox.faults().rateLimited("GET", "/v1/payments", Duration.ofSeconds(3), 1);
    sandbox.faults().rateLimited("GET", "/v1/payments", null, 1);

    Http.Reply withHeader = http.get("/v1/payments");
    Http.Reply without = http.get("/v1/payments");

    assertThat(withHeader.status()).isEqualTo(429);
    assertThat(withHeader.header("Retry-After")).isEqualTo("3");
    assertThat(without.status()).isEqualTo(429);
    assertThat(without.header("Retry-After")).isNull();
    assertThat(http.get("/v1/payments").status()).isEqualTo(200);
  }

  @Test
  void aRateLimitFaultShorterThanASecondIsRefusedNamingRetryAfter() {
    assertThatThrownBy(() -> sandbox.faults().rateLimited("GET", "/v1/", Duration.ofMillis(500), 1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("retryAfter"));
  }

  @Test
  void aContractViolationIsRejectedNamingIt() {
    Http.Reply r =
        http.post(
            "/v1/payments",
            "{\"amount\":{\"amount_minor\":\"125000\",\"currency\":\"MAD\"},\"artisan_id\":\"art_1\","
                + "\"method\":{\"type\":\"qr\"}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asText()).isEqualTo("contract_violation");
    assertThat(r.json().path("request_id").asText()).isEqualTo(r.header("Request-Id"));
    assertThat(r.json().path("detail").asText())
        .contains("order_reference")
        .contains("amount_minor");
    assertThat(sandbox.paymentCount()).isZero();
  }

  @Test
  void aContractViolationNamesTheFieldsNotTheValidatorsRules() {
    Http.Reply r =
        http.post(
            "/v1/payments",
            "{\"amount\":{\"amount_minor\":\"125000\",\"currency\":\"MAD\"},\"artisan_id\":\"art_1\","
                + "\"method\":{\"type\":\"qr\"}}");

    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).contains("order_reference", "amount.amount_minor");
    assertThat(fields).noneMatch(f -> f.startsWith("validation.") || f.isEmpty());
  }

  @Test
  void aPostWithoutIdempotencyKeyBreaksTheContract() {
    Http.Reply r =
        http.post(
            "/v1/payments", Http.card("4242424242424242", "ORD-nokey"), "Idempotency-Key", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asText()).contains("Idempotency-Key");
  }

  @Test
  void keysOtherThanTestKeysAreRefused() {
    Http.Reply live =
        http.get("/v1/payments", "Authorization", "Bearer sk_live_" + "FakeKeyForTests0000");
    Http.Reply none = http.get("/v1/payments", "Authorization", "Basic abc");

    assertThat(live.status()).isEqualTo(401);
    assertThat(live.json().path("code").asText()).isEqualTo("live_key_in_sandbox");
    assertThat(none.status()).isEqualTo(401);
  }

  @Test
  void listsPaginateWithCursorsNewestFirst() {
    for (int i = 0; i < 5; i++) {
      http.post("/v1/payments", Http.card("4242424242424242", "ORD-page-" + i));
    }
    List<String> orders = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          http.get("/v1/payments?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("data").forEach(p -> orders.add(p.path("order_reference").asText()));
      cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(orders)
        .containsExactly("ORD-page-4", "ORD-page-3", "ORD-page-2", "ORD-page-1", "ORD-page-0");
  }

  @Test
  void aFilteredListOnlyHoldsMatches() {
    http.post("/v1/payments", Http.card("4242424242424242", "ORD-f1"));
    http.post("/v1/payments", Http.card("4000000000000002", "ORD-f2"));

    JsonNode failed = http.get("/v1/payments?status=failed").json();
    assertThat(failed.path("data")).hasSize(1);
    assertThat(failed.path("data").get(0).path("order_reference").asText()).isEqualTo("ORD-f2");
  }

  @Test
  void etagAndIfNoneMatchAnswer304UntilThePaymentChanges() {
    String id =
        http.post("/v1/payments", Http.payment("{\"type\":\"qr\"}", "ORD-etag", 5000, "automatic"))
            .json()
            .path("id")
            .asText();
    Http.Reply first = http.get("/v1/payments/" + id);
    String etag = first.header("ETag");

    assertThat(http.get("/v1/payments/" + id, "If-None-Match", etag).status()).isEqualTo(304);
    sandbox.clock().advance(Duration.ofMinutes(1));
    Http.Reply changed = http.get("/v1/payments/" + id, "If-None-Match", etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isNotEqualTo(etag);
  }

  @Test
  void pastTheQuotaTheSandboxAnswers429WithRetryAfter() {
    sandbox.close();
    sandbox = Sandbox.builder().rateLimit(3, Duration.ofMinutes(1)).start();
    http = new Http(sandbox);

    Http.Reply ok = http.get("/v1/payments");
    assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
    assertThat(ok.header("RateLimit-Remaining")).isEqualTo("2");
    http.get("/v1/payments");
    http.get("/v1/payments");
    Http.Reply limited = http.get("/v1/payments");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.json().path("code").asText()).isEqualTo("rate_limited");
  }

  @Test
  void hundredConcurrentCreatesFromSixteenThreadsAreAllKeptExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String order = "ORD-load-" + i;
        futures.add(
            pool.submit(() -> http.post("/v1/payments", Http.card("4242424242424242", order))));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Http.Reply> f : futures) {
        Http.Reply r = f.get();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ids.add(r.json().path("id").asText());
      }
      assertThat(ids).hasSize(100);
      assertThat(sandbox.paymentCount()).isEqualTo(100);
      for (int i = 0; i < 100; i++) {
        assertThat(sandbox.paymentCount("ORD-load-" + i)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKeyStillInFlightIs409() {
    IdempotencyStore store = new IdempotencyStore(sandbox.clock());
    Exchange request =
        new Exchange(
            "POST",
            "/v1/payments",
            "",
            java.util.Map.of(),
            java.util.Map.of(),
            new byte[] {1},
            "req_1");

    assertThat(store.begin("sk_test_a", "k", request)).isInstanceOf(IdempotencyStore.Proceed.class);
    IdempotencyStore.Decision second = store.begin("sk_test_a", "k", request);

    assertThat(second)
        .isInstanceOfSatisfying(
            IdempotencyStore.Replay.class, r -> assertThat(r.response().status()).isEqualTo(409));
  }
}
