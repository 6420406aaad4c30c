package ma.hirfa.sdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import ma.hirfa.sdk.core.CallTimeoutException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that misbehaves on purpose: endless, dripping, huge, truncated, nested or mislabelled
 * answers. Every call must end, within its deadline, with one of the SDK's typed exceptions.
 */
class HostileServerTest {
  private static ServerSocket server;

  record Item(String id) {}

  @BeforeAll
  static void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread t = new Thread(() -> answer(s));
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static void answer(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      StringBuilder head = new StringBuilder();
      int b;
      while ((b = in.read()) != -1) {
        head.append((char) b);
        if (head.toString().endsWith("\r\n\r\n")) {
          break;
        }
      }
      String path = head.toString().split(" ")[1];
      switch (path) {
        case "/endless" -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          byte[] chunk =
              ("2000\r\n" + "a".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 100_000; i++) {
            out.write(chunk);
          }
        }
        case "/drip" -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 1000; i++) {
            out.write('[');
            out.flush();
            Thread.sleep(100);
          }
        }
        case "/huge" ->
            out.write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n["
                    .getBytes(StandardCharsets.US_ASCII));
        case "/truncated" ->
            out.write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":"
                    .getBytes(StandardCharsets.US_ASCII));
        case "/nested" -> body(out, "application/json", "[".repeat(5_000) + "]".repeat(5_000));
        case "/html" ->
            body(out, "text/html", "<html><body>Sign in to the hotel Wi-Fi</body></html>");
        case "/utf8" -> {
          byte[] prefix = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
          byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
          byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
          byte[] all = new byte[prefix.length + bad.length + suffix.length];
          System.arraycopy(prefix, 0, all, 0, prefix.length);
          System.arraycopy(bad, 0, all, prefix.length, bad.length);
          System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + all.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(all);
        }
        default -> body(out, "application/json", "{}");
      }
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client gave up, as it should
    }
  }

  private static void body(OutputStream out, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + b.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(b);
  }

  private static Fixture fixture() {
    return new Fixture(
        "http://127.0.0.1:" + server.getLocalPort(),
        b ->
            b.maxResponseBytes(1 << 20)
                // Beyond the deadline: only the deadline can end the drip, even if its thread
                // stalls for a second on a loaded machine.
                .readTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(2))
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(10))
                        .build()));
  }

  private static Throwable call(String path) {
    Fixture f = fixture();
    long start = System.nanoTime();
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                f.runtime.execute(
                    TestRequests.get(path.substring(1)).build(), TypeRef.of(Item.class)));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as(path + " ends within the call's deadline, not after the drip's 100 s")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(t).as(path).isInstanceOf(HirfaException.class);
    return t;
  }

  @Test
  void anEndlessBodyIsCutAtMaxResponseBytes() {
    assertThat(call("/endless"))
        .isInstanceOf(ResponseDecodingException.class)
        .hasMessageContaining("maxResponseBytes");
  }

  @Test
  void aHundredMegabyteAnswerIsRefusedFromItsContentLength() {
    assertThat(call("/huge")).isInstanceOf(ResponseDecodingException.class);
  }

  @Test
  void aSlowDripEndsAtTheDeadline() {
    // One deadline for the whole call: no second attempt once it has passed (a deadline applied
    // per attempt would start another, and end after twice as long).
    assertThat(call("/drip"))
        .isInstanceOfSatisfying(
            CallTimeoutException.class, e -> assertThat(e.attempts()).isEqualTo(1));
  }

  @Test
  void aTruncatedBodyIsAConnectionFailureThatMayHaveBeenProcessed() {
    assertThat(call("/truncated"))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.mayHaveBeenSent()).isTrue());
  }

  @Test
  void deeplyNestedJsonIsADecodingError() {
    assertThat(call("/nested")).isInstanceOf(ResponseDecodingException.class);
  }

  @Test
  void anHtmlPageInsteadOfJsonIsADecodingError() {
    assertThat(call("/html"))
        .isInstanceOf(ResponseDecodingException.class)
        .hasMessageContaining("text/html");
  }

  @Test
  void invalidUtf8EitherDecodesWithReplacementsOrFailsTyped() {
    Fixture f = fixture();
    try {
      Item item = f.runtime.execute(TestRequests.get("utf8").build(), TypeRef.of(Item.class));
      assertThat(item.id()).contains("\uFFFD");
    } catch (RuntimeException e) {
      assertThat(e).isInstanceOf(HirfaException.class);
    }
  }

  @Test
  void aWellBehavedAnswerStillWorks() {
    assertThat(fixture().runtime.execute(TestRequests.get("ok").build(), TypeRef.of(Map.class)))
        .isEmpty();
  }
}
