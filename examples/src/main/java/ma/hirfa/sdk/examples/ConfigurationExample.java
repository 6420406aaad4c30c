package ma.hirfa.sdk.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.AppInfo;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;

/**
 * Client settings are validated when they are built, with errors that name the field, and are
 * printed without the API key.
 */
public final class ConfigurationExample {
  private ConfigurationExample() {}

  /** Returns the names of the fields refused, in order. */
  public static List<String> run(PrintStream out) {
    ClientOptions options =
        ClientOptions.builder()
            .apiKey("sk_test_TourKey0123456789abcdef")
            .baseUrl("http://127.0.0.1:8080")
            .appInfo(AppInfo.of("atlas-bank-payments", "4.2.0"))
            .readTimeout(Duration.ofSeconds(20))
            .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
            .build();
    out.println("  " + options);

    List<String> refused = new ArrayList<>();
    for (Runnable bad :
        List.<Runnable>of(
            () ->
                ClientOptions.builder()
                    .apiKey("sk_test_TourKey0123456789abcdef")
                    .baseUrl("http://api.example.ma"),
            () -> ClientOptions.builder().readTimeout(Duration.ZERO),
            () -> RetryPolicy.builder().maxAttempts(50))) {
      try {
        bad.run();
      } catch (ValidationException e) {
        refused.add(e.field());
        out.println("  refused: " + e.getMessage());
      }
    }
    return refused;
  }
}
