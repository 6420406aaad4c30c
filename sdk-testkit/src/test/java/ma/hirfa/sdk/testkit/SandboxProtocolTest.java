package ma.hirfa.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The sandbox speaks HTTP/1.1 to any client, whatever it asks for. A JDK {@link HttpClient} with
 * its default settings asks for the h2c upgrade (deprecated by RFC 9113); when the sandbox granted
 * it, an upgraded connection that also carried an unread streamed export was misread as HTTP/2
 * frames ({@code Frame type(109) length(2122016) exceeds MAX_FRAME_SIZE}) in 2 of 600 runs of the
 * sequence below on 6 threads.
 */
class SandboxProtocolTest {

  @Test
  void aDefaultJdkClientAskingForH2cIsAnsweredInHttp11() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(3).start()) {
      HttpClient client = HttpClient.newHttpClient();
      assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);

      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/products?limit=1"))
                  .header("Authorization", "Bearer " + sandbox.apiKey())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  /**
   * Seeded sequences of unread exports, reads, conditional writes and feed pages, each on its own
   * default JDK client, four sandboxes at once: every answer arrives and is the one expected.
   */
  @Test
  void seededSequencesWithUnreadExportsOnDefaultClientsAllGetTheirAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 0x5EED_0000L + t;
        runs.add(pool.submit(() -> runSequences(seed, 25)));
      }
      for (Future<Integer> run : runs) {
        assertThat(run.get()).isEqualTo(25);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int runSequences(long seed, int count) {
    Random random = new Random(seed);
    int done = 0;
    for (int n = 0; n < count; n++) {
      try (Sandbox sandbox = Sandbox.builder().catalogSize(10).seed(seed + n).start()) {
        Http http = new Http(sandbox);
        String cursor = null;
        for (int step = 0; step < 12; step++) {
          String id = "prd_S00000" + random.nextInt(6);
          switch (random.nextInt(4)) {
            case 0 -> {
              HttpResponse<?> unread = http.lines("/v1/products/export");
              cursor = unread.headers().firstValue("export-cursor").orElseThrow();
            }
            case 1 -> assertThat(http.get("/v1/products/" + id).status()).isEqualTo(200);
            case 2 -> {
              Http.Reply read = http.get("/v1/products/" + id);
              String body =
                  SandboxCatalogTest.product(
                      read.json().path("sku").asText(),
                      ",\"stock\":" + (read.json().path("stock").asInt() + 1));
              Http.Reply put =
                  http.call("PUT", "/v1/products/" + id, body, "If-Match", read.header("etag"));
              assertThat(put.status()).as(put.body()).isEqualTo(200);
            }
            default -> {
              if (cursor != null) {
                Http.Reply page = http.get("/v1/products/changes?limit=3&cursor=" + cursor);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
              }
            }
          }
        }
        done++;
      }
    }
    return done;
  }
}
