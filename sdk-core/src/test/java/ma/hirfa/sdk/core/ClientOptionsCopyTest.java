package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17: every setting of {@link ClientOptions}, present and future, reaches its getter and is
 * copied by {@link ClientOptions#newBuilder()}. The getters are found by reflection: a new getter
 * this test does not set to a non-default value fails {@link #everyGetterReturnsWhatItsSetterSet},
 * and a setting {@code newBuilder()} forgets fails {@link #newBuilderCopiesEverySetting}.
 */
class ClientOptionsCopyTest {
  private static final String TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  private static final String LIVE_KEY = "sk_live_" + "CopyTestKey00000000";
  private static final ClientOptions DEFAULTS = ClientOptions.builder().apiKey(TEST_KEY).build();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private static final Sleeper SLEEPER = duration -> {};
  private static final IdGenerator IDS = () -> "copy-test-id";
  private static final SplittableRandom RANDOM = new SplittableRandom(17);
  private static final RetryPolicy RETRY = RetryPolicy.builder().maxAttempts(5).build();
  private static final CircuitBreakerPolicy BREAKER = CircuitBreakerPolicy.disabled();
  private static final CallListener FIRST = new CallListener() {};
  private static final CallListener SECOND = new CallListener() {};
  private static final AppInfo APP = AppInfo.of("atlas-bank", "4.2.0");
  private static final Proxy PROXY =
      new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", 3128));
  private static final HostnameVerifier VERIFIER = (host, session) -> false;
  private static final X509TrustManager TRUST = jdkTrustManager();
  private static final SSLSocketFactory SOCKETS = socketFactory(TRUST);

  /** Every setting set to a value other than its default, and every getter's expected value. */
  private static ClientOptions.Builder everySetting() {
    return ClientOptions.builder()
        .apiKey(LIVE_KEY)
        .baseUrl("https://bank.example/hirfa")
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(3))
        .callTimeout(Duration.ofMinutes(4))
        .apiVersion("2025-06-01")
        .appInfo(APP)
        .clock(CLOCK)
        .sleeper(SLEEPER)
        .idGenerator(IDS)
        .random(RANDOM)
        .retryPolicy(RETRY)
        .circuitBreakerPolicy(BREAKER)
        .addListener(FIRST)
        .addListener(SECOND)
        .proxy(PROXY)
        .tls(SOCKETS, TRUST)
        .hostnameVerifier(VERIFIER)
        .connectionPool(3, Duration.ofMinutes(2))
        .maxConcurrentRequests(7)
        .maxResponseBytes(4096);
  }

  private static Map<String, Object> expected() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiKey", LIVE_KEY);
    m.put("testMode", false);
    m.put("baseUrl", URI.create("https://bank.example/hirfa/"));
    m.put("connectTimeout", Duration.ofSeconds(1));
    m.put("readTimeout", Duration.ofSeconds(2));
    m.put("writeTimeout", Duration.ofSeconds(3));
    m.put("callTimeout", Duration.ofMinutes(4));
    m.put("apiVersion", "2025-06-01");
    m.put("appInfo", APP);
    m.put("userAgent", DEFAULTS.userAgent() + " atlas-bank/4.2.0");
    m.put("clock", CLOCK);
    m.put("sleeper", SLEEPER);
    m.put("idGenerator", IDS);
    m.put("random", RANDOM);
    m.put("retryPolicy", RETRY);
    m.put("circuitBreakerPolicy", BREAKER);
    m.put("listeners", List.of(FIRST, SECOND)); // in the order added
    m.put("proxy", PROXY);
    m.put("sslSocketFactory", SOCKETS);
    m.put("trustManager", TRUST);
    m.put("hostnameVerifier", VERIFIER);
    m.put("maxIdleConnections", 3);
    m.put("keepAlive", Duration.ofMinutes(2));
    m.put("maxConcurrentRequests", 7);
    m.put("maxResponseBytes", 4096L);
    return m;
  }

  @Test
  void everyGetterReturnsWhatItsSetterSet() throws Exception {
    ClientOptions options = everySetting().build();
    Map<String, Object> expected = expected();

    assertThat(new TreeSet<>(getters().stream().map(Method::getName).toList()))
        .as("every getter of ClientOptions has its expected value here")
        .isEqualTo(new TreeSet<>(expected.keySet()));
    for (Method getter : getters()) {
      Object value = getter.invoke(options);
      assertThat(value).as(getter.getName()).isEqualTo(expected.get(getter.getName()));
      assertThat(value)
          .as("%s is set to a value other than its default", getter.getName())
          .isNotEqualTo(getter.invoke(DEFAULTS));
    }
  }

  @Test
  void newBuilderCopiesEverySetting() throws Exception {
    ClientOptions original = everySetting().build();

    ClientOptions copy = original.newBuilder().build();

    for (Method getter : getters()) {
      assertThat(getter.invoke(copy)).as(getter.getName()).isEqualTo(getter.invoke(original));
    }
    assertThat(copy).hasToString(original.toString());
  }

  @Test
  void newBuilderOfTheDefaultsBuildsTheDefaults() throws Exception {
    ClientOptions copy = DEFAULTS.newBuilder().build();

    for (Method getter : getters()) {
      assertThat(getter.invoke(copy)).as(getter.getName()).isEqualTo(getter.invoke(DEFAULTS));
    }
  }

  @Test
  void toStringShowsTheSameFieldsInTheSameOrderAndMasksTheKey() {
    ClientOptions options = everySetting().build();

    assertThat(options)
        .hasToString(
            "ClientOptions{apiKey=sk_live_****, baseUrl=https://bank.example/hirfa/,"
                + " connectTimeout=PT1S, readTimeout=PT2S, writeTimeout=PT3S, callTimeout=PT4M,"
                + " apiVersion=2025-06-01, userAgent="
                + options.userAgent()
                + ", retryPolicy="
                + RETRY
                + ", circuitBreakerPolicy="
                + BREAKER
                + ", proxy=HTTP, customTls=true, maxIdleConnections=3,"
                + " maxConcurrentRequests=7}");
    assertThat(DEFAULTS)
        .hasToString(
            "ClientOptions{apiKey=sk_test_****, baseUrl=https://api.hirfa.ma/,"
                + " connectTimeout=PT10S, readTimeout=PT30S, writeTimeout=PT30S,"
                + " callTimeout=PT1M, apiVersion="
                + DEFAULTS.apiVersion()
                + ", userAgent="
                + DEFAULTS.userAgent()
                + ", retryPolicy="
                + RetryPolicy.defaults()
                + ", circuitBreakerPolicy="
                + CircuitBreakerPolicy.defaults()
                + ", proxy=none, customTls=false, maxIdleConnections=16,"
                + " maxConcurrentRequests=64}");
    assertThat(options.toString()).doesNotContain(LIVE_KEY.substring("sk_live_".length()));
  }

  static Stream<Arguments> refusedSettings() {
    return Stream.of(
        refused("connectionPool with a bad keepAlive", b -> b.connectionPool(5, Duration.ZERO)),
        refused("connectionPool with a bad size", b -> b.connectionPool(-1, Duration.ofMinutes(1))),
        refused("tls without a trust manager", b -> b.tls(SOCKETS, nullTrustManager())),
        refused("a zero readTimeout", b -> b.readTimeout(Duration.ZERO)),
        refused("a tiny maxResponseBytes", b -> b.maxResponseBytes(10)),
        refused("no more than 10000 requests", b -> b.maxConcurrentRequests(10_001)),
        refused("a baseUrl ending in /v1", b -> b.baseUrl("https://api.hirfa.ma/v1")),
        refused("an apiVersion that is no date", b -> b.apiVersion("v2")));
  }

  private static Arguments refused(String name, Consumer<ClientOptions.Builder> setting) {
    return Arguments.of(name, setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSettings")
  void aRefusedSettingLeavesTheBuilderAsItWas(String name, Consumer<ClientOptions.Builder> setting)
      throws Exception {
    // From every setting changed, so that "left as it was" cannot pass as "reset to the default".
    ClientOptions.Builder b = everySetting();
    ClientOptions before = b.build();

    assertThatThrownBy(() -> setting.accept(b)).isInstanceOf(RuntimeException.class);

    ClientOptions after = b.build();
    for (Method getter : getters()) {
      assertThat(getter.invoke(after)).as(getter.getName()).isEqualTo(getter.invoke(before));
    }
  }

  /** The public instance getters of {@link ClientOptions}: every setting, read back. */
  private static List<Method> getters() {
    return Arrays.stream(ClientOptions.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
        .filter(m -> !List.of("newBuilder", "toString", "hashCode").contains(m.getName()))
        .toList();
  }

  @SuppressWarnings("NullAway") // the refused argument under test
  private static X509TrustManager nullTrustManager() {
    return null;
  }

  /** The JDK's own trust manager: honest, so a live key may use it. */
  private static X509TrustManager jdkTrustManager() {
    try {
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      return (X509TrustManager) f.getTrustManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLSocketFactory socketFactory(X509TrustManager trust) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      return tls.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
