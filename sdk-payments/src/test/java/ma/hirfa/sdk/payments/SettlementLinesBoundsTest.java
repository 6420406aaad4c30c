package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ResponseDecodingException;
import org.junit.jupiter.api.Test;

/**
 * {@code settlements().lines()} against a server that never ends a line, drips, or streams past the
 * caller's deadline: each ends at its bound with a typed exception (issue 14).
 */
class SettlementLinesBoundsTest {
  interface Body {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  private static HttpServer serve(Body body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            body.write(out);
          } catch (IOException | InterruptedException e) {
            // the client hung up
          } finally {
            exchange.close();
          }
        });
    server.start();
    return server;
  }

  private static PaymentsClient client(HttpServer server, Duration readTimeout, long maxBytes) {
    return PaymentsClient.builder()
        .apiKey("sk_test_hostile12345")
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
        .configure(o -> o.readTimeout(readTimeout).maxResponseBytes(maxBytes))
        .build();
  }

  @Test
  void aLineWithoutANewlineEndsAtMaxResponseBytesNamingTheLimit() throws Exception {
    HttpServer server =
        serve(
            out -> {
              byte[] chunk = new byte[64 * 1024];
              Arrays.fill(chunk, (byte) 'a');
              for (int i = 0; i < 16_384; i++) { // a gigabyte, if anyone read it
                out.write(chunk);
              }
            });
    try (PaymentsClient client = client(server, Duration.ofSeconds(10), 1 << 20);
        Stream<SettlementLine> lines = client.settlements().lines("st_20261129MAD")) {
      assertThatThrownBy(() -> lines.forEach(l -> {}))
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("maxResponseBytes (1048576 bytes)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aOneByteDripEndsAtTheIdleTimeout() throws Exception {
    HttpServer server =
        serve(
            out -> {
              for (int i = 0; i < 10_000; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(20);
              }
            });
    long t0 = System.nanoTime();
    // 3 s: a stall of the drip's thread on a loaded machine stays well within it.
    try (PaymentsClient client = client(server, Duration.ofSeconds(3), 32L << 20);
        Stream<SettlementLine> lines = client.settlements().lines("st_20261129MAD")) {
      assertThatThrownBy(() -> lines.forEach(l -> {}))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("idle timeout");
    } finally {
      server.stop(0);
    }
    // The drip would last 200 s: well under that, with room for a loaded machine.
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theStreamEndsAtTheDeadlineTheCallerSet() throws Exception {
    HttpServer server =
        serve(
            out -> {
              for (int i = 0; i < 10_000; i++) {
                out.write("\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(50);
              }
            });
    long t0 = System.nanoTime();
    try (PaymentsClient client = client(server, Duration.ofSeconds(30), 32L << 20);
        Stream<SettlementLine> lines =
            client
                .settlements()
                .lines(
                    "st_20261129MAD",
                    RequestOptions.builder().timeout(Duration.ofSeconds(2)).build())) {
      assertThatThrownBy(() -> lines.forEach(l -> {})).isInstanceOf(CallTimeoutException.class);
    } finally {
      server.stop(0);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(8)); // the body lasts 500 s
  }
}
