package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a 200 followed by bytes without a newline ended in OutOfMemoryError at -Xmx96m. With
 * the client's defaults the line is refused at maxResponseBytes (32 MiB) with a typed error.
 */
class ExportLineCapMemoryTest {
  @Test
  void anEndlessLineIsRefusedAtTheCapInA96MegabyteHeap() throws Exception {
    try (HostileNdjsonServer server =
        new HostileNdjsonServer(HostileNdjsonServer.endlessLine(4L << 30))) {
      String java =
          System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      Process p =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx96m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      EndlessLineMain.class.getName(),
                      server.baseUrl()))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("refused: the export sent a line longer than maxResponseBytes");
      assertThat(out).doesNotContain("OutOfMemoryError");
    }
  }
}
