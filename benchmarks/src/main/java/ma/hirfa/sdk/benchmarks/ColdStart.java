package ma.hirfa.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import ma.hirfa.sdk.payments.PaymentsClient;

/**
 * Prints the milliseconds from this JVM's start to the first completed {@code payments().get()}
 * against a local server: what a partner's service pays once, at start-up.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    try (LocalServer server = LocalServer.json(CallOverheadBenchmark.PAYMENT_JSON)) {
      long serverUp = System.currentTimeMillis();
      try (PaymentsClient client =
          PaymentsClient.builder()
              .apiKey("sk_test_BenchmarkKey0000000")
              .baseUrl(server.baseUrl())
              .build()) {
        client.payments().get("pay_6LbMKYksDgXSLF");
      }
      long now = System.currentTimeMillis();
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println(
          "cold_start_ms " + (now - jvmStart) + " first_call_ms " + (now - serverUp));
    }
  }
}
