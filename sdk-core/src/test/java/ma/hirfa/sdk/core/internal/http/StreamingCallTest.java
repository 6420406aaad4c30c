package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.NotFoundException;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamingCallTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @Test
  void aStreamingCallIsRetriedUntilHeadersArriveThenReadLineByLine() throws IOException {
    wm.stubFor(
        get("/v1/lines")
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("2"));
    wm.stubFor(
        get("/v1/lines")
            .inScenario("s")
            .whenScenarioStateIs("2")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-ndjson")
                    .withBody("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")));
    Fixture f = new Fixture(wm.baseUrl());

    List<String> lines = new ArrayList<>();
    try (ApiResponse response = f.runtime.stream(TestRequests.get("v1", "lines").build())) {
      BufferedSource source = response.source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        lines.add(line);
      }
      assertThat(response.attempts()).isEqualTo(2);
    }

    assertThat(lines).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    wm.verify(2, getRequestedFor(urlEqualTo("/v1/lines")));
  }

  @Test
  void aStreamingCallThatFailsThrowsTheTypedException() {
    wm.stubFor(get("/v1/lines").willReturn(aResponse().withStatus(404)));
    Fixture f = new Fixture(wm.baseUrl());

    assertThatThrownBy(() -> f.runtime.stream(TestRequests.get("v1", "lines").build()))
        .isInstanceOf(NotFoundException.class);
  }
}
