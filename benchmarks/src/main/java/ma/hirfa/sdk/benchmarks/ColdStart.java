package ma.hirfa.sdk.benchmarks;

import java.util.Map;
import ma.hirfa.sdk.payments.PaymentsClient;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A fresh JVM's first completed payment get, one process per side, against the server process of
 * {@link ServerMain} (its address as the only argument): {@code coldstart.py} runs them as whole
 * processes, alternating the sides, and times each from fork to exit. Each prints {@code
 * first_call_ms <side> <ms>}, the time from {@code main} to the decoded payment. Every side has
 * only its own libraries on the class path, and loads nothing of the others.
 */
final class ColdStart {
  private ColdStart() {}

  static void report(String side, long startNanos, Object result) {
    if (result == null) {
      throw new IllegalStateException(side + " decoded nothing");
    }
    System.out.println(
        "first_call_ms " + side + " " + (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** The SDK: a client built with defaults, then {@code payments().get(id)}. */
  static final class Sdk {
    private Sdk() {}

    public static void main(String[] args) {
      long start = System.nanoTime();
      try (PaymentsClient client =
          PaymentsClient.builder().apiKey(Samples.API_KEY).baseUrl(args[0]).build()) {
        report("sdk", start, client.payments().get(Samples.PAYMENT_ID));
      }
    }
  }

  /** Raw OkHttp + Moshi into a map, as in the call benchmarks. */
  static final class Raw {
    private Raw() {}

    public static void main(String[] args) throws Exception {
      long start = System.nanoTime();
      OkHttpClient client = new OkHttpClient();
      Request request =
          new Request.Builder()
              .url(args[0] + "v1/payments/" + Samples.PAYMENT_ID)
              .header("Authorization", "Bearer " + Samples.API_KEY)
              .header("Accept", "application/json")
              .build();
      Map<String, Object> payment;
      try (Response r = client.newCall(request).execute()) {
        payment =
            new com.squareup.moshi.Moshi.Builder()
                .build()
                .<Map<String, Object>>adapter(
                    com.squareup.moshi.Types.newParameterizedType(
                        Map.class, String.class, Object.class))
                .fromJson(r.body().source());
      }
      report("raw", start, payment);
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** The okhttp-gson client generated from payments.yaml. */
  static final class Gson {
    private Gson() {}

    public static void main(String[] args) throws Exception {
      long start = System.nanoTime();
      report("gson", start, Peers.gsonPayments(args[0]).get());
    }
  }

  /** The native (JDK HttpClient + Jackson) client generated from payments.yaml. */
  static final class Native {
    private Native() {}

    public static void main(String[] args) throws Exception {
      long start = System.nanoTime();
      report("native", start, Peers.nativePayments(args[0]).get());
    }
  }
}
