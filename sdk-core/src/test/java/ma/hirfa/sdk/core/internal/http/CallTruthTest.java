package ma.hirfa.sdk.core.internal.http;

import static ma.hirfa.sdk.core.internal.http.ScriptedServer.after;
import static ma.hirfa.sdk.core.internal.http.ScriptedServer.problem;
import static ma.hirfa.sdk.core.internal.http.ScriptedServer.reset;
import static ma.hirfa.sdk.core.internal.http.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ServerException;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.internal.retry.Breakers;
import ma.hirfa.sdk.core.internal.retry.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The money promises of issue 14 at the engine, one reproduced fault each (PROMISES.md M3-M5): an
 * exception tells the truth about the whole call, carries what settles it, and never outlives the
 * deadline; the SDK owns every re-send.
 */
class CallTruthTest {
  record Ref(String id) {}

  private static ApiRequest createPayment() {
    return TestRequests.post("v1", "payments").body(Map.of("amount_minor", 15000)).build();
  }

  @Test
  void aCommitFollowedByRefusedConnectionsIsStillReportedAsMayHaveBeenSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(server.resetThenDie());
      Fixture f = new Fixture(server.baseUrl());

      ConnectionException e =
          catchThrowableOfType(
              ConnectionException.class,
              () -> f.runtime.execute(createPayment(), TypeRef.of(Ref.class)));

      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.mayHaveBeenSent()).isTrue();
      assertThat(e.idempotencyKey()).isNotNull();
      assertThat(e.getMessage()).contains("may have been sent").doesNotContain("was not sent");
      assertThat(server.received()).hasSize(1);
    }
  }

  /** Creates a payment asynchronously against {@code server}; it must fail to connect. */
  private static ConnectionException asyncConnectionFailure(ScriptedServer server) {
    Fixture f = new Fixture(server.baseUrl());
    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () -> f.runtime.executeAsync(createPayment()).get(20, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
    return (ConnectionException) e.getCause();
  }

  @Test
  void anAsyncCommitFollowedByRefusedConnectionsIsStillReportedAsMayHaveBeenSent()
      throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(server.resetThenDie());

      ConnectionException e = asyncConnectionFailure(server);

      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.mayHaveBeenSent()).isTrue();
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void anAsyncCallResetAfterItsRequestWasWrittenIsReportedAsMayHaveBeenSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(reset());

      assertThat(asyncConnectionFailure(server).mayHaveBeenSent()).isTrue();
      assertThat(server.received()).isNotEmpty();
    }
  }

  @Test
  void anAsyncCallWhoseConnectionsAreAllRefusedIsReportedAsNotSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.die();

      assertThat(asyncConnectionFailure(server).mayHaveBeenSent()).isFalse();
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void anAttemptWhoseListenerWasNeverAttachedIsReportedAsMayHaveBeenSent() {
    AttemptTracker.State unknown = new AttemptTracker.State();

    Outcome o = ResponseReader.failure(unknown, new SocketException("Connection reset"), 0);

    assertThat(o.mayHaveBeenSent).isTrue();
  }

  @Test
  void aBreakerThatOpensBetweenAttemptsSaysAnEarlierAttemptMayHaveBeenSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(reset());
      Fixture[] holder = new Fixture[1];
      Fixture f =
          new Fixture(
              server.baseUrl(),
              b ->
                  b.sleeper(
                      d -> {
                        // Meanwhile, other calls saw the API fail and opened the breaker.
                        Breakers.open(holder[0].runtime.resilience);
                      }));
      holder[0] = f;

      CircuitOpenException e =
          catchThrowableOfType(
              CircuitOpenException.class, () -> f.runtime.execute(createPayment()));

      assertThat(e.mayHaveBeenSent()).isTrue();
      assertThat(e.idempotencyKey()).isNotNull();
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage()).contains("may have been sent").doesNotContain("nothing was sent");
    }
  }

  @Test
  void aTruncatedJsonBodyCarriesTheDiagnosticsThatSettleIt() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(
          respond(
              200, Map.of("Content-Type", "application/json", "Request-Id", "req_9"), "{\"id\":"));
      Fixture f = new Fixture(server.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));

      ResponseDecodingException e =
          catchThrowableOfType(
              ResponseDecodingException.class,
              () -> f.runtime.execute(createPayment(), TypeRef.of(Ref.class)));

      assertThat(e.idempotencyKey()).isEqualTo("id-2");
      assertThat(e.requestId()).isEqualTo("req_9");
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.mayHaveBeenSent()).isTrue();
    }
  }

  @Test
  void aTruncatedJsonBodyIsRetriedWithTheSameKeyWhenAttemptsRemain() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server
          .then(respond(200, "application/json", "{\"id\":"))
          .otherwise(respond(200, "application/json", "{\"id\":\"pay_1\"}"));
      Fixture f = new Fixture(server.baseUrl());

      Ref ref = f.runtime.execute(createPayment(), TypeRef.of(Ref.class));

      assertThat(ref.id()).isEqualTo("pay_1");
      assertThat(server.received())
          .extracting(r -> r.header("Idempotency-Key"))
          .containsExactly("id-2", "id-2");
    }
  }

  @Test
  void aKeyStillInUseIsPolledWithBackOffUntilTheFirstRequestFinishes() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      for (int i = 0; i < 5; i++) {
        server.then(problem(409, "idempotency_key_in_use", Map.of()));
      }
      server.otherwise(respond(201, "application/json", "{\"id\":\"pay_1\"}"));
      Fixture f = new Fixture(server.baseUrl());

      Ref ref = f.runtime.execute(createPayment(), TypeRef.of(Ref.class));

      assertThat(ref.id()).isEqualTo("pay_1");
      assertThat(server.received()).hasSize(6);
      assertThat(f.sleeper.sleeps()).hasSize(5).allSatisfy(d -> assertThat(d).isPositive());
      // Equal jitter: each poll waits at least half of its exponential step.
      assertThat(f.sleeper.sleeps().get(4)).isGreaterThanOrEqualTo(Duration.ofMillis(4_000));
    }
  }

  @Test
  void okHttpNeverResendsA503WithRetryAfterZeroOnItsOwn() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server
          .then(respond(503, Map.of("Content-Type", "application/json", "Retry-After", "0"), "{}"))
          .otherwise(respond(200, "application/json", "{\"id\":\"x\"}"));
      Fixture f = new Fixture(server.baseUrl());
      ApiRequest unkeyed =
          TestRequests.patch("v1", "things", "x")
              .body(Map.of("a", 1))
              .withoutIdempotencyKey()
              .build();

      ServerException e =
          catchThrowableOfType(ServerException.class, () -> f.runtime.execute(unkeyed));

      assertThat(server.received()).hasSize(1);
      assertThat(e.attempts()).isEqualTo(1);
    }
  }

  @Test
  void aRetryAfterTooLargeForAnIntIsCappedNotANumberFormatException() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      String huge = "99999999999999999999";
      server.otherwise(
          respond(503, Map.of("Content-Type", "application/json", "Retry-After", huge), "{}"));
      Fixture f = new Fixture(server.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));

      ServerException sync =
          catchThrowableOfType(
              ServerException.class, () -> f.runtime.execute(TestRequests.get("v1", "x").build()));
      ExecutionException async =
          catchThrowableOfType(
              ExecutionException.class,
              () ->
                  f.runtime
                      .executeAsync(TestRequests.get("v1", "x").build())
                      .get(5, TimeUnit.SECONDS));

      assertThat(sync.status()).isEqualTo(503);
      assertThat(async.getCause()).isInstanceOf(ServerException.class);
      // The dispatcher survived: another async call completes.
      server.otherwise(respond(200, "application/json", "{}"));
      assertThat(
              f.runtime.executeAsync(TestRequests.get("v1", "x").build()).get(5, TimeUnit.SECONDS))
          .isNotNull();
    }
  }

  @Test
  void everyWriteCarriesOneIdempotencyKeyOnEveryAttempt() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(reset(), reset()).otherwise(respond(204, "application/json", ""));
      Fixture f = new Fixture(server.baseUrl());

      f.runtime.execute(
          TestRequests.put("v1", "products", "prd_1")
              .header("If-Match", "\"3\"")
              .body(Map.of())
              .build());
      f.runtime.execute(TestRequests.delete("v1", "products", "prd_1").build());

      List<ScriptedServer.Received> rs = server.received();
      assertThat(rs)
          .extracting(ScriptedServer.Received::method)
          .containsExactly("PUT", "PUT", "PUT", "DELETE");
      assertThat(rs.subList(0, 3))
          .extracting(r -> r.header("Idempotency-Key"))
          .containsOnly("id-2");
      assertThat(rs.get(3).header("Idempotency-Key")).isEqualTo("id-4");
    }
  }

  @Test
  void anErrorBodyJustUnderTheLimitGivesACappedMessageAndTheWholeProblem() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      String detail = "x".repeat(5_000_000);
      server.otherwise(
          respond(
              400,
              "application/problem+json",
              "{\"title\":\"Bad\",\"status\":400,\"detail\":\"" + detail + "\",\"errors\":[]}"));
      Fixture f = new Fixture(server.baseUrl());

      HirfaException e =
          catchThrowableOfType(
              HirfaException.class, () -> f.runtime.execute(TestRequests.get("v1", "x").build()));

      assertThat(e.getMessage().length()).isLessThan(3_000);
      assertThat(((ma.hirfa.sdk.core.ApiException) e).problem().detail()).hasSize(5_000_000);
    }
  }

  @Test
  void anAsyncCallQueuedBehindTheConcurrencyLimitStillEndsAtItsDeadline() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.otherwise(after(6_000, respond(200, "application/json", "{}")));
      Fixture f =
          new Fixture(
              server.baseUrl(), b -> b.maxConcurrentRequests(1).clock(java.time.Clock.systemUTC()));
      RequestOptions oneSecond = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();
      // The first call holds the only slot for 5 s: a queued call that waited for the slot would
      // end after 5 s, one that keeps its own deadline ends after about 1 s.
      RequestOptions fiveSeconds = RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();
      CompletableFuture<ApiResponse> first =
          f.runtime.executeAsync(TestRequests.get("v1", "slow").options(fiveSeconds).build());
      long t0 = System.nanoTime();
      CompletableFuture<ApiResponse> queued =
          f.runtime.executeAsync(TestRequests.get("v1", "slow").options(oneSecond).build());

      ExecutionException e =
          catchThrowableOfType(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

      assertThat(e.getCause()).isInstanceOf(CallTimeoutException.class);
      assertThat(millis).isLessThan(3_500);
      // The queued call never reached the wire; the first one's request was received.
      assertThat(((HirfaException) e.getCause()).mayHaveBeenSent()).isFalse();
      ExecutionException firstFailed =
          catchThrowableOfType(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
      assertThat(firstFailed).hasCauseInstanceOf(CallTimeoutException.class);
      assertThat(server.received()).hasSize(1);
      assertThat(((HirfaException) firstFailed.getCause()).mayHaveBeenSent()).isTrue();
    }
  }

  @Test
  void anAsyncDeadlinePassingWhileTheRequestIsInFlightSaysItMayHaveBeenSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      // The request is received (and, for all the client knows, processed); no answer in time.
      server.otherwise(after(6_000, respond(201, "application/json", "{\"id\":\"pay_1\"}")));
      Fixture f = new Fixture(server.baseUrl(), b -> b.clock(java.time.Clock.systemUTC()));
      RequestOptions oneSecond = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();
      ApiRequest create =
          TestRequests.post("v1", "payments")
              .body(Map.of("amount_minor", 15000))
              .options(oneSecond)
              .build();

      ExecutionException e =
          catchThrowableOfType(
              ExecutionException.class,
              () -> f.runtime.executeAsync(create).get(10, TimeUnit.SECONDS));

      assertThat(server.received()).hasSize(1);
      assertThat(e.getCause())
          .isInstanceOf(CallTimeoutException.class)
          .hasMessageContaining("may have been sent")
          .hasMessageNotContaining("was not sent");
      HirfaException timeout = (HirfaException) e.getCause();
      assertThat(timeout.mayHaveBeenSent()).isTrue();
      assertThat(timeout.diagnostics().mayHaveBeenSent()).isTrue();
    }
  }

  @Test
  void aClosedClientRefusesSyncAndAsyncCallsAtOnceAndSendsNothing() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      Fixture f = new Fixture(server.baseUrl());
      f.runtime.close();

      IllegalStateException sync =
          catchThrowableOfType(
              IllegalStateException.class, () -> f.runtime.execute(createPayment()));
      CompletableFuture<ApiResponse> async = f.runtime.executeAsync(createPayment());

      assertThat(sync).hasMessageContaining("closed").hasMessageContaining("was not sent");
      assertThat(async).isCompletedExceptionally();
      assertThat(catchThrowableOfType(ExecutionException.class, async::get))
          .hasCauseInstanceOf(IllegalStateException.class);
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aClientClosedBetweenAttemptsStopsWithTheTruthAboutTheFirst() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(reset());
      Fixture[] holder = new Fixture[1];
      Fixture f = new Fixture(server.baseUrl(), b -> b.sleeper(d -> holder[0].runtime.close()));
      holder[0] = f;

      ConnectionException e =
          catchThrowableOfType(ConnectionException.class, () -> f.runtime.execute(createPayment()));

      assertThat(e.mayHaveBeenSent()).isTrue();
      assertThat(e.idempotencyKey()).isNotNull();
      assertThat(e).hasMessageContaining("closed before attempt 2");
      assertThat(server.received()).hasSize(1);
    }
  }
}
