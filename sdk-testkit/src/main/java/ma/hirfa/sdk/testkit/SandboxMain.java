package ma.hirfa.sdk.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox alone: {@code java -cp ... ma.hirfa.sdk.testkit.SandboxMain --port 8080 --seed
 * 42 --rate-limit 100}. Prints its base URL and a test key, and runs until interrupted.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    Sandbox.Builder b = Sandbox.builder();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--port" -> b.port(Integer.parseInt(value));
        case "--seed" -> b.seed(Long.parseLong(value));
        case "--rate-limit" -> b.rateLimit(Integer.parseInt(value), Duration.ofSeconds(1));
        case "--help", "-h" -> {
          System.out.println(
              "usage: SandboxMain [--port N] [--seed N] [--rate-limit requests-per-second]");
          return;
        }
        default ->
            throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
      }
      i++;
    }
    Sandbox sandbox = b.start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "hirfa-sandbox-stop"));
    System.out.println("Hirfa sandbox listening on " + sandbox.baseUrl());
    System.out.println("API key: " + sandbox.apiKey());
    new CountDownLatch(1).await();
  }
}
