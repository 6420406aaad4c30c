package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.IdempotencyException;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ServerException;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryPipelineTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
          .build();

  private static final String PAYMENT = "{\"id\":\"pay_1\",\"status\":\"succeeded\"}";

  record PaymentRef(String id, String status) {}

  private static ApiRequest createPayment() {
    return TestRequests.post("v1", "payments").body(Map.of("amount_minor", 15000)).build();
  }

  private static void firstThen(
      String url,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
    wm.stubFor(
        post(url)
            .inScenario(url)
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("2"));
    wm.stubFor(post(url).inScenario(url).whenScenarioStateIs("2").willReturn(then));
  }

  @Test
  void createPaymentRetriesOn503ThenSucceedsWithTheSameIdempotencyKey() {
    firstThen("/v1/payments", aResponse().withStatus(503), okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());

    PaymentRef p = f.runtime.execute(createPayment(), TypeRef.of(PaymentRef.class));

    assertThat(p.id()).isEqualTo("pay_1");
    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(sent).hasSize(2);
    String key = sent.get(0).getHeader("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
    assertThat(sent.get(0).getBodyAsString()).isEqualTo(sent.get(1).getBodyAsString());
    assertThat(f.sleeper.sleeps()).hasSize(1);
  }

  @Test
  void everyAttemptCarriesTheAttemptNumberAndOneInvocationId() {
    firstThen("/v1/payments", aResponse().withStatus(502), okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(createPayment());

    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(sent).extracting(r -> r.getHeader("Hirfa-Attempt")).containsExactly("1", "2");
    assertThat(sent)
        .extracting(r -> r.getHeader("Hirfa-Invocation-Id"))
        .containsOnly(sent.get(0).getHeader("Hirfa-Invocation-Id"));
  }

  @Test
  void everyRequestCarriesAuthorizationVersionAndUserAgent() {
    wm.stubFor(get("/v1/payments/pay_1").willReturn(okJson(PAYMENT)));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(TestRequests.get("v1", "payments", "pay_1").build());

    wm.verify(
        getRequestedFor(urlEqualTo("/v1/payments/pay_1"))
            .withHeader("Authorization", equalTo("Bearer " + Fixture.API_KEY))
            .withHeader("Hirfa-Version", matching("\\d{4}-\\d{2}-\\d{2}"))
            .withHeader("User-Agent", matching("hirfa-java/\\S+ \\(Java [^;]+; [^;]+; [^)]+\\)"))
            .withHeader("Accept", equalTo("application/json, application/problem+json"))
            .withoutHeader("Idempotency-Key"));
  }

  @Test
  void aPerCallKeyReplacesTheClientsKeyForThatCallOnlyAndKeepsTheOtherHeaders() {
    wm.stubFor(get("/v1/payments/pay_1").willReturn(okJson(PAYMENT)));
    Fixture f = new Fixture(wm.baseUrl());
    String other = "sk_test_OtherAccountKey0123456789";

    f.runtime.execute(
        TestRequests.get("v1", "payments", "pay_1")
            .options(RequestOptions.builder().apiKey(other).build())
            .build());
    f.runtime.execute(TestRequests.get("v1", "payments", "pay_1").build());

    List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlEqualTo("/v1/payments/pay_1")));
    assertThat(sent)
        .extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer " + other, "Bearer " + Fixture.API_KEY);
    for (String constant : List.of("Hirfa-Version", "User-Agent", "Accept")) {
      assertThat(sent.get(0).getHeader(constant))
          .as(constant)
          .isNotBlank()
          .isEqualTo(sent.get(1).getHeader(constant));
    }
  }

  @Test
  void callerSuppliedIdempotencyKeyIsSentOnEveryAttempt() {
    firstThen("/v1/payments", aResponse().withStatus(500), okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());
    RequestOptions options = RequestOptions.builder().idempotencyKey("order-42-payment").build();

    f.runtime.execute(
        TestRequests.post("v1", "payments").body(Map.of("a", 1)).options(options).build());

    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/v1/payments"))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("order-42-payment", "order-42-payment");
  }

  @Test
  void badRequestIsNotRetriedAndNamesTheFields() {
    wm.stubFor(
        post("/v1/payments")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withHeader("Request-Id", "req_400")
                    .withBody(
                        "{\"type\":\"https://docs.hirfa.ma/problems/validation\",\"title\":\"Invalid request\","
                            + "\"status\":400,\"code\":\"validation_failed\","
                            + "\"errors\":[{\"field\":\"amount.amount_minor\",\"code\":\"must_be_positive\"}]}")));
    Fixture f = new Fixture(wm.baseUrl());

    assertThatThrownBy(() -> f.runtime.execute(createPayment()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("validation_failed");
              assertThat(e.requestId()).isEqualTo("req_400");
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.idempotencyKey()).isNotBlank();
              assertThat(e.fieldErrors())
                  .extracting(fe -> fe.field())
                  .containsExactly("amount.amount_minor");
              assertThat(e.getMessage()).contains("amount.amount_minor");
            });
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(f.sleeper.sleeps()).isEmpty();
  }

  @Test
  void rateLimitedCallWaitsForRetryAfterSeconds() {
    firstThen(
        "/v1/payments",
        aResponse().withStatus(429).withHeader("Retry-After", "2"),
        okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(createPayment());

    assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    Fixture f = new Fixture(wm.baseUrl());
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            f.clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    firstThen(
        "/v1/payments",
        aResponse().withStatus(503).withHeader("Retry-After", date),
        okJson(PAYMENT));

    f.runtime.execute(createPayment());

    assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsCappedByThePolicy() {
    firstThen(
        "/v1/payments",
        aResponse().withStatus(429).withHeader("Retry-After", "3600"),
        okJson(PAYMENT));
    Fixture f =
        new Fixture(
            wm.baseUrl(),
            b ->
                b.callTimeout(Duration.ofMinutes(5))
                    .retryPolicy(
                        RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(20)).build()));

    f.runtime.execute(createPayment());

    assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void rateLimitThatOutlastsTheAttemptsSurfacesRetryAfter() {
    wm.stubFor(
        post("/v1/payments")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    Fixture f = new Fixture(wm.baseUrl());

    assertThatThrownBy(() -> f.runtime.execute(createPayment()))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(e.attempts()).isEqualTo(3);
            });
    wm.verify(3, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void connectionResetIsRetriedForGet() {
    wm.stubFor(
        get("/v1/payments/pay_1")
            .inScenario("g")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("2"));
    wm.stubFor(
        get("/v1/payments/pay_1")
            .inScenario("g")
            .whenScenarioStateIs("2")
            .willReturn(okJson(PAYMENT)));
    Fixture f = new Fixture(wm.baseUrl());

    PaymentRef p =
        f.runtime.execute(
            TestRequests.get("v1", "payments", "pay_1").build(), TypeRef.of(PaymentRef.class));

    assertThat(p.status()).isEqualTo("succeeded");
    wm.verify(2, getRequestedFor(urlEqualTo("/v1/payments/pay_1")));
  }

  @Test
  void connectionResetIsRetriedForKeyedPost() {
    firstThen(
        "/v1/payments", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(createPayment());

    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getHeader("Idempotency-Key"))
        .isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
  }

  @Test
  void connectionResetIsNeverRetriedForAnUnkeyedPost() {
    firstThen(
        "/v1/payments", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());
    ApiRequest unkeyed =
        TestRequests.post("v1", "payments").body(Map.of("a", 1)).withoutIdempotencyKey().build();

    assertThatThrownBy(() -> f.runtime.execute(unkeyed))
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.mayHaveBeenSent()).isTrue();
              assertThat(e.idempotencyKey()).isNull();
              assertThat(e.attempts()).isEqualTo(1);
            });
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void refusedConnectionSaysTheRequestWasNotSentAndIsRetried() throws Exception {
    // A port bound but never listening: refused, and held so that nothing else takes it.
    try (java.net.Socket closed = new java.net.Socket()) {
      closed.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      Fixture f = new Fixture("http://127.0.0.1:" + closed.getLocalPort());

      assertThatThrownBy(() -> f.runtime.execute(createPayment()))
          .isInstanceOfSatisfying(
              ConnectionException.class,
              e -> {
                assertThat(e.mayHaveBeenSent()).isFalse();
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.getMessage()).contains("was not sent");
              });
    }
  }

  @Test
  void idempotencyKeyStillInFlightIsRetried() {
    firstThen(
        "/v1/payments",
        aResponse()
            .withStatus(409)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":409,\"code\":\"idempotency_key_in_use\"}"),
        okJson(PAYMENT));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(createPayment());

    wm.verify(2, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void idempotencyKeyReusedWithAnotherBodyIsATypedErrorNotRetried() {
    wm.stubFor(
        post("/v1/payments")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":422,\"code\":\"idempotency_key_reused\",\"title\":\"Idempotency key reused\"}")));
    Fixture f = new Fixture(wm.baseUrl());

    assertThatThrownBy(() -> f.runtime.execute(createPayment()))
        .isInstanceOfSatisfying(
            IdempotencyException.class, e -> assertThat(e.keyReused()).isTrue());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void aStaleIfMatchIsAVersionConflictCarryingTheCurrentEtagAndIsNotRetried() {
    wm.stubFor(
        put("/v1/products/prd_1")
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withHeader("ETag", "\"prd_1.3\"")
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":412,\"code\":\"version_conflict\"}")));
    Fixture f = new Fixture(wm.baseUrl());

    assertThatThrownBy(
            () ->
                f.runtime.execute(
                    TestRequests.put("v1", "products", "prd_1")
                        .header("If-Match", "\"prd_1.2\"")
                        .body(Map.of("sku", "K-1"))
                        .build()))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> assertThat(e.currentEtag()).isEqualTo("\"prd_1.3\""));
    wm.verify(
        1,
        putRequestedFor(urlEqualTo("/v1/products/prd_1"))
            .withHeader("If-Match", equalTo("\"prd_1.2\"")));
  }

  @Test
  void aPatchIsSentAsAJsonMergePatch() {
    wm.stubFor(patch(urlPathEqualTo("/v1/artisans/art_1")).willReturn(okJson("{}")));
    Fixture f = new Fixture(wm.baseUrl());

    f.runtime.execute(
        TestRequests.patch("v1", "artisans", "art_1").body(Map.of("city", "Fès")).build());

    wm.verify(
        patchRequestedFor(urlEqualTo("/v1/artisans/art_1"))
            .withHeader("Content-Type", matching("application/merge-patch\\+json.*")));
  }

  @Test
  void deadlineStopsRetries() {
    wm.stubFor(
        post("/v1/payments")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));
    Fixture f =
        new Fixture(
            wm.baseUrl(),
            b ->
                b.callTimeout(Duration.ofSeconds(10))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(10).build()));

    assertThatThrownBy(() -> f.runtime.execute(createPayment()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getSuppressed())
                  .extracting(Throwable::getMessage)
                  .anyMatch(m -> m.contains("deadline"));
            });
    // 4 s + 4 s fit in the 10 s deadline; a third wait would end after it.
    assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void perCallTimeoutOverridesTheClientDeadline() {
    wm.stubFor(
        post("/v1/payments")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));
    Fixture f = new Fixture(wm.baseUrl());
    ApiRequest r =
        TestRequests.post("v1", "payments")
            .body(Map.of("a", 1))
            .options(RequestOptions.builder().timeout(Duration.ofSeconds(3)).build())
            .build();

    assertThatThrownBy(() -> f.runtime.execute(r)).isInstanceOf(ServerException.class);
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void slowResponseHitsTheDeadlineAsATypedTimeout() {
    // The deadline leaves a cold client time to connect and write (so the request was sent).
    wm.stubFor(get("/v1/slow").willReturn(okJson("{}").withFixedDelay(4_000)));
    Fixture f = new Fixture(wm.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));
    ApiRequest r =
        TestRequests.get("v1", "slow")
            .options(RequestOptions.builder().timeout(Duration.ofMillis(1_500)).build())
            .build();

    assertThatThrownBy(() -> f.runtime.execute(r))
        .isInstanceOfSatisfying(
            CallTimeoutException.class, e -> assertThat(e.mayHaveBeenSent()).isTrue());
  }

  @Test
  void retryBudgetStopsARetryStorm() {
    wm.stubFor(post("/v1/payments").willReturn(aResponse().withStatus(503)));
    Fixture f =
        new Fixture(
            wm.baseUrl(),
            b ->
                b.circuitBreakerPolicy(ma.hirfa.sdk.core.CircuitBreakerPolicy.disabled())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(3).budget(4, 0.1).build()));

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> f.runtime.execute(createPayment()))
          .isInstanceOf(ServerException.class);
    }

    // 10 calls; without a budget they would make 30 attempts. The budget allows 4 retries in all.
    wm.verify(14, postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(f.runtime.retryTokens()).isZero();
  }
}
