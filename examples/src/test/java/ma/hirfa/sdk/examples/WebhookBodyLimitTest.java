package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import org.junit.jupiter.api.Test;

/**
 * R1 for the guides' receivers: an unauthenticated 256 MiB POST is refused after at most 1 MiB is
 * read. Before the limit, the bank guide's receiver read the whole body ({@code readAllBytes}): 256
 * MiB of heap per request, enough to exhaust a 128 MiB heap with one request.
 */
class WebhookBodyLimitTest {
  private static final long HUGE = 256L << 20;

  @Test
  void theExampleReceiverAnswers413AfterReadingAtMostOneMebibyte() throws Exception {
    WebhookReceiverExample.Endpoint endpoint = WebhookReceiverExample.start("none");
    try {
      assertRefusedEarly(endpoint.server().getAddress().getPort());
    } finally {
      endpoint.server().stop(0);
    }
  }

  @Test
  void theBankGuidesReceiverAnswers413AfterReadingAtMostOneMebibyte() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookVerifier verifier =
        WebhookVerifier.builder().secret(WebhookReceiverExample.OLD_SECRET).build();
    server.createContext(
        "/hirfa/webhooks",
        exchange ->
            BankScenario.receive(
                exchange,
                verifier,
                ProcessedEvents.inMemory(),
                message -> events.add(message.id())));
    server.start();
    try {
      assertRefusedEarly(server.getAddress().getPort());
      assertThat(events).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  /**
   * Streams a body announced as 256 MiB until the receiver answers or stops reading; the receiver
   * must answer 413 with less than 32 MiB sent (1 MiB read, the rest in socket buffers).
   */
  private static void assertRefusedEarly(int port) throws Exception {
    AtomicLong sent = new AtomicLong();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /hirfa/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "webhook-id: msg_huge\r\nwebhook-timestamp: 1\r\nwebhook-signature: v1,x\r\n"
                  + "Content-Length: "
                  + HUGE
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Future<?> streaming =
          writer.submit(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  while (sent.get() < HUGE) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                  }
                } catch (IOException stopped) {
                  // the receiver closed the connection: what a limit looks like from here
                }
                return null;
              });
      String statusLine = readLine(socket.getInputStream());
      long sentWhenAnswered = sent.get();
      socket.close();
      streaming.get(20, TimeUnit.SECONDS);

      assertThat(statusLine).startsWith("HTTP/1.1 413");
      assertThat(sentWhenAnswered).isLessThan(32L << 20);
    } finally {
      writer.shutdownNow();
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      sb.append((char) c);
    }
    return sb.toString().strip();
  }
}
