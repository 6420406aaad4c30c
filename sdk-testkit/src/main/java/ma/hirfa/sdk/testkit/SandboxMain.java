package ma.hirfa.sdk.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox alone: {@code java -cp ... ma.hirfa.sdk.testkit.SandboxMain --port 8080 --seed
 * 42 --catalog-size 100000 --rate-limit 100}. Prints its base URL and a test key, and runs until
 * interrupted.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    Sandbox.Builder b = Sandbox.builder();
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.println(
            "usage: SandboxMain [--port N] [--seed N] [--catalog-size products]"
                + " [--rate-limit requests-per-second]");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value (try --help)");
      }
      String value = args[i + 1];
      switch (option) {
        case "--port" -> b.port(Integer.parseInt(value));
        case "--seed" -> b.seed(Long.parseLong(value));
        case "--catalog-size" -> b.catalogSize(Integer.parseInt(value));
        case "--rate-limit" -> b.rateLimit(Integer.parseInt(value), Duration.ofSeconds(1));
        default -> throw new IllegalArgumentException("unknown option " + option + " (try --help)");
      }
    }
    Sandbox sandbox = b.start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "hirfa-sandbox-stop"));
    System.out.println("Hirfa sandbox listening on " + sandbox.baseUrl());
    System.out.println("API key: " + sandbox.apiKey());
    System.out.println("Sample catalog: " + sandbox.catalog().productCount() + " products");
    new CountDownLatch(1).await();
  }
}
