package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CircuitBreakerTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final CircuitBreakerPolicy SMALL =
      CircuitBreakerPolicy.builder()
          .windowSize(4)
          .minimumCalls(4)
          .failureRatePercent(50)
          .openDuration(Duration.ofSeconds(30))
          .halfOpenCalls(1)
          .build();

  private static Fixture fixture() {
    return new Fixture(
        wm.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()).circuitBreakerPolicy(SMALL));
  }

  private static ApiRequest ping() {
    return TestRequests.get("v1", "ping").build();
  }

  @Test
  void breakerOpensAfterServerFailuresAndRecoversAfterTheOpenDuration() {
    wm.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(500)));
    Fixture f = fixture();
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> f.runtime.execute(ping())).isInstanceOf(ServerException.class);
    }
    assertThat(f.runtime.circuitState()).isEqualTo("OPEN");

    assertThatThrownBy(() -> f.runtime.execute(ping()))
        .isInstanceOf(CircuitOpenException.class)
        .hasMessageContaining("circuit breaker 'payments' is OPEN");
    wm.verify(4, getRequestedFor(urlEqualTo("/v1/ping")));

    wm.stubFor(get("/v1/ping").willReturn(okJson("{}")));
    f.clock.advance(Duration.ofSeconds(31));
    f.runtime.execute(ping());

    assertThat(f.runtime.circuitState()).isEqualTo("CLOSED");
    wm.verify(5, getRequestedFor(urlEqualTo("/v1/ping")));
  }

  @Test
  void clientErrorsNeverOpenTheBreaker() {
    wm.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(404)));
    Fixture f = fixture();

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> f.runtime.execute(ping())).isInstanceOf(NotFoundException.class);
    }

    assertThat(f.runtime.circuitState()).isEqualTo("CLOSED");
    wm.verify(10, getRequestedFor(urlEqualTo("/v1/ping")));
  }

  @Test
  void rateLimitsAndRequestTimeoutsNeverOpenTheBreaker() {
    wm.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(429)));
    Fixture f = fixture();
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> f.runtime.execute(ping())).isInstanceOf(RateLimitException.class);
    }
    wm.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(408)));
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> f.runtime.execute(ping())).isInstanceOf(HirfaException.class);
    }

    assertThat(f.runtime.circuitState()).isEqualTo("CLOSED");
    wm.verify(12, getRequestedFor(urlEqualTo("/v1/ping")));
  }

  @Test
  void disabledBreakerNeverOpens() {
    wm.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(503)));
    Fixture f =
        new Fixture(
            wm.baseUrl(),
            b ->
                b.retryPolicy(RetryPolicy.none())
                    .circuitBreakerPolicy(CircuitBreakerPolicy.disabled()));

    for (int i = 0; i < 12; i++) {
      assertThatThrownBy(() -> f.runtime.execute(ping())).isInstanceOf(ServerException.class);
    }
    assertThat(f.runtime.circuitState()).isEqualTo("DISABLED");
  }
}
