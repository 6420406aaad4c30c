package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.InvalidRequestException;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncCallTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  record Ref(String id) {}

  @Test
  void asyncCallRetriesWithTheSameKeyAndDecodes() throws Exception {
    wm.stubFor(
        post("/v1/payments")
            .inScenario("a")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("2"));
    wm.stubFor(
        post("/v1/payments")
            .inScenario("a")
            .whenScenarioStateIs("2")
            .willReturn(okJson("{\"id\":\"pay_9\"}")));
    Fixture f = new Fixture(wm.baseUrl());

    Ref ref =
        f.runtime
            .executeAsync(
                TestRequests.post("v1", "payments").body(Map.of("a", 1)).build(),
                TypeRef.of(Ref.class))
            .get(10, TimeUnit.SECONDS);

    assertThat(ref.id()).isEqualTo("pay_9");
    var sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/payments")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getHeader("Idempotency-Key"))
        .isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
  }

  @Test
  void asyncFailureCompletesWithTheTypedException() {
    wm.stubFor(post("/v1/payments").willReturn(aResponse().withStatus(400)));
    Fixture f = new Fixture(wm.baseUrl());

    CompletableFuture<ApiResponse> future =
        f.runtime.executeAsync(TestRequests.post("v1", "payments").body(Map.of("a", 1)).build());

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(InvalidRequestException.class);
  }

  @Test
  void cancellingTheFutureCancelsTheCallOnTheWire() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch connectionClosed = new CountDownLatch(1);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = server.accept();
                    InputStream in = s.getInputStream()) {
                  byte[] buf = new byte[8192];
                  if (in.read(buf) > 0) {
                    requestArrived.countDown();
                  }
                  // Never answer: wait for the client to give up the connection.
                  while (in.read(buf) != -1) {
                    // drain
                  }
                  connectionClosed.countDown();
                } catch (java.io.IOException e) {
                  connectionClosed.countDown();
                }
              });
      t.setDaemon(true);
      t.start();
      Fixture f = new Fixture("http://127.0.0.1:" + server.getLocalPort());

      CompletableFuture<ApiResponse> future =
          f.runtime.executeAsync(TestRequests.get("v1", "payments", "pay_1").build());
      assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();
      future.cancel(true);

      assertThat(connectionClosed.await(5, TimeUnit.SECONDS))
          .as("server saw the connection close")
          .isTrue();
      assertThat(future).isCancelled();
    }
  }
}
