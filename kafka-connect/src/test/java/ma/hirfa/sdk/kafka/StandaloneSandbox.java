package ma.hirfa.sdk.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductExport;
import ma.hirfa.sdk.testkit.CatalogView;

/**
 * The sandbox as its own process (the standalone jar sdk-testkit builds): its WireMock runs on
 * Jetty 11 and Connect's REST server on Jetty 12, which one class path cannot hold. The catalog it
 * holds is read back through a full export, the same oracle a partner would use.
 */
final class StandaloneSandbox implements AutoCloseable {
  final Process process;
  final String baseUrl;
  final String apiKey;

  private StandaloneSandbox(Process process, String baseUrl, String apiKey) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  static StandaloneSandbox start(int products, long seed, String... extra) throws IOException {
    String jar = System.getProperty("hirfa.sandbox.jar", "");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "no standalone sandbox at '"
              + jar
              + "': build sdk-testkit first (./mvnw -pl kafka-connect -am verify)");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                jar,
                "--port",
                "0",
                "--seed",
                String.valueOf(seed),
                "--products",
                String.valueOf(products),
                "--rate-limit",
                "100000"));
    command.addAll(List.of(extra));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("hirfa-sandbox ready ")) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.substring("hirfa-sandbox ready ".length()).split(" ")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            fields.put(part.substring(0, eq), part.substring(eq + 1));
          }
        }
        Thread drain = new Thread(() -> drain(out), "sandbox-log");
        drain.setDaemon(true);
        drain.start();
        return new StandaloneSandbox(p, fields.get("base_url"), fields.get("api_key"));
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the standalone sandbox did not start");
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // its request log; not needed
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  CatalogClient client() {
    return CatalogClient.builder().apiKey(apiKey).baseUrl(baseUrl).build();
  }

  /** The catalog now, by id with its digest, read through a full export. */
  Map<String, Long> contents() {
    Map<String, Long> out = new HashMap<>();
    try (CatalogClient c = client();
        ProductExport export = c.products().export()) {
      for (Product p : export) {
        out.put(p.id(), digest(p));
      }
    }
    return out;
  }

  static long digest(Product p) {
    return CatalogView.digest(
        p.id(),
        p.version(),
        p.sku(),
        p.statusAsString(),
        p.price().amountMinor(),
        p.stock(),
        p.title().asMap(),
        p.description() == null ? Map.of() : p.description().asMap());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
