package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientOptionsTest {
  private static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        bad("apiKey", b -> b.apiKey("")),
        bad("apiKey", b -> b.apiKey("pk_test_abcdefgh12345")),
        bad("apiKey", b -> b.apiKey("sk_test_short")),
        bad("baseUrl", b -> b.baseUrl("")),
        bad("baseUrl", b -> b.baseUrl("ftp://api.hirfa.ma")),
        bad("baseUrl", b -> b.baseUrl("http://api.hirfa.ma")),
        bad("baseUrl", b -> b.baseUrl("http://10.0.0.5:8080")),
        bad("baseUrl", b -> b.baseUrl("https://api.hirfa.ma/?x=1")),
        bad("baseUrl", b -> b.baseUrl("https://user:pw@api.hirfa.ma/")),
        bad("baseUrl", b -> b.baseUrl("not a url")),
        bad("connectTimeout", b -> b.connectTimeout(Duration.ZERO)),
        bad("readTimeout", b -> b.readTimeout(Duration.ofSeconds(-1))),
        bad("writeTimeout", b -> b.writeTimeout(Duration.ofDays(2))),
        bad("callTimeout", b -> b.callTimeout(Duration.ZERO)),
        bad("apiVersion", b -> b.apiVersion("v2")),
        bad("maxIdleConnections", b -> b.connectionPool(-1, Duration.ofMinutes(1))),
        bad("keepAlive", b -> b.connectionPool(5, Duration.ZERO)),
        bad("maxConcurrentRequests", b -> b.maxConcurrentRequests(0)),
        bad("maxResponseBytes", b -> b.maxResponseBytes(10)),
        bad(
            "retryPolicy.maxAttempts",
            b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(0).build())),
        bad(
            "retryPolicy.initialBackoff",
            b ->
                b.retryPolicy(
                    RetryPolicy.builder().initialBackoff(Duration.ofSeconds(20)).build())),
        bad(
            "retryPolicy.budgetRefillPerSuccess",
            b -> b.retryPolicy(RetryPolicy.builder().budget(5, 2.0).build())),
        bad(
            "circuitBreaker.failureRatePercent",
            b ->
                b.circuitBreakerPolicy(
                    CircuitBreakerPolicy.builder().failureRatePercent(0).build())),
        bad("appInfo.name", b -> b.appInfo(AppInfo.of("my app", "1.0"))),
        bad("appInfo.version", b -> b.appInfo(AppInfo.of("app", ""))));
  }

  private static Arguments bad(String field, Consumer<ClientOptions.Builder> setting) {
    return Arguments.of(field, setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSettings")
  void invalidSettingFailsNamingTheField(String field, Consumer<ClientOptions.Builder> setting) {
    ClientOptions.Builder b = ClientOptions.builder().apiKey(KEY);

    assertThatThrownBy(() -> setting.accept(b))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ");
            });
  }

  @Test
  void missingApiKeyFailsAtBuild() {
    assertThatThrownBy(() -> ClientOptions.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("apiKey"));
  }

  @Test
  void callTimeoutShorterThanConnectTimeoutFailsAtBuild() {
    ClientOptions.Builder b =
        ClientOptions.builder()
            .apiKey(KEY)
            .connectTimeout(Duration.ofSeconds(20))
            .callTimeout(Duration.ofSeconds(5));

    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("callTimeout"));
  }

  @Test
  void liveKeyIsRefusedOnALoopbackSandbox() {
    ClientOptions.Builder b =
        ClientOptions.builder()
            .apiKey("sk_live_" + "FakeKeyForTests0000")
            .baseUrl("http://127.0.0.1:8080");

    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("apiKey"));
  }

  @Test
  void invalidApiKeyMessageDoesNotEchoTheKey() {
    String almost = "sk_live_abc$defghijklmnop";

    assertThatThrownBy(() -> ClientOptions.builder().apiKey(almost))
        .isInstanceOf(ValidationException.class)
        .message()
        .doesNotContain("abc$defghijklmnop");
  }

  @Test
  void plainHttpIsAllowedOnLoopbackOnly() {
    assertThat(
            ClientOptions.builder().apiKey(KEY).baseUrl("http://localhost:8080").build().baseUrl())
        .hasToString("http://localhost:8080/");
    assertThat(ClientOptions.builder().apiKey(KEY).baseUrl("http://127.0.0.2:9").build().baseUrl())
        .hasToString("http://127.0.0.2:9/");
    assertThat(ClientOptions.builder().apiKey(KEY).baseUrl("http://[::1]:9/api").build().baseUrl())
        .hasToString("http://[::1]:9/api/");
  }

  @Test
  void defaultsAreDocumentedValues() {
    ClientOptions o = ClientOptions.builder().apiKey(KEY).build();

    assertThat(o.baseUrl()).hasToString(ClientOptions.DEFAULT_BASE_URL);
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.retryPolicy().maxAttempts()).isEqualTo(3);
    assertThat(o.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(8));
    assertThat(o.apiVersion()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(o.testMode()).isTrue();
  }

  @Test
  void userAgentNamesSdkJavaOsAndApp() {
    ClientOptions o =
        ClientOptions.builder()
            .apiKey(KEY)
            .appInfo(new AppInfo("atlas-bank", "4.2.0", "https://atlas.example"))
            .build();

    assertThat(o.userAgent())
        .startsWith("hirfa-java/")
        .contains("Java " + System.getProperty("java.version"))
        .contains(System.getProperty("os.name"))
        .endsWith(" atlas-bank/4.2.0 (+https://atlas.example)");
  }

  @Test
  void newBuilderStartsFromTheSameSettingsAndLeavesTheOriginalUnchanged() {
    ClientOptions a =
        ClientOptions.builder().apiKey(KEY).readTimeout(Duration.ofSeconds(5)).build();
    ClientOptions b = a.newBuilder().readTimeout(Duration.ofSeconds(9)).build();

    assertThat(a.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(b.readTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(b.apiKey()).isEqualTo(a.apiKey());
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    ClientOptions o = ClientOptions.builder().apiKey(KEY).build();

    assertThat(o.toString()).doesNotContain(KEY.substring(8)).contains("sk_test_****");
    assertThat(RequestOptions.builder().apiKey(KEY).build().toString())
        .doesNotContain(KEY.substring(8));
  }

  @Test
  void requestOptionsRefuseTheSdkOwnHeaders() {
    assertThatThrownBy(() -> RequestOptions.builder().header("Idempotency-Key", "x"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("requestOptions.headers"));
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("has space"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("requestOptions.idempotencyKey"));
  }
}
