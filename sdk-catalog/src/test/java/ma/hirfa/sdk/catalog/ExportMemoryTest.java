package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/** The export's constant-memory promise, proved in a JVM whose heap is capped at 64 MB. */
class ExportMemoryTest {
  @Test
  void twoHundredThousandProductsExportInA64MegabyteHeapAndMatchTheSandbox() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(200_000).start()) {
      String java =
          System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      Process p =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx64m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      ExportMain.class.getName(),
                      sandbox.baseUrl(),
                      sandbox.apiKey()))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();

      String[] last = out.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ", -1);
      assertThat(Long.parseLong(last[0])).isEqualTo(200_000);
      assertThat(Long.parseLong(last[1])).isEqualTo(sandbox.catalog().checksum());
      assertThat(Long.parseLong(last[2])).isLessThan(64);
    }
  }
}
