package ma.hirfa.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.payments.Payment;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's pipeline without the network: every side sends its request into the same in-memory
 * OkHttp interceptor, which answers the payment JSON at once, so microseconds are not lost in the
 * noise of a loopback round trip (about 100 µs here).
 *
 * <ul>
 *   <li>{@code raw}: OkHttp and Moshi into a map, as in {@link CallOverheadBenchmark};
 *   <li>{@code sdkBare}: the SDK's runtime with one attempt and no circuit breaker, decoding the
 *       typed {@link Payment};
 *   <li>{@code sdkResilient}: the same with the default retry policy and circuit breaker.
 * </ul>
 *
 * {@code sdkResilient − sdkBare} is what the resilience decorators add to a call that succeeds the
 * first time (target: under 2 µs); {@code sdkResilient − raw} is the SDK's whole per-call cost.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {
  private static final String ID = Samples.PAYMENT_ID;
  private static final byte[] BODY =
      CallOverheadBenchmark.PAYMENT_JSON.getBytes(StandardCharsets.UTF_8);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final TypeRef<Payment> PAYMENT = TypeRef.of(Payment.class);

  /** Answers every request with the payment, from memory. */
  static final Interceptor IN_MEMORY =
      chain ->
          new Response.Builder()
              .request(chain.request())
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .header("Content-Type", "application/json")
              .header("Request-Id", "req_bench")
              .body(ResponseBody.create(BODY, JSON))
              .build();

  private ClientRuntime bare;
  private ClientRuntime resilient;
  private OkHttpClient raw;
  private JsonAdapter<Map<String, Object>> rawAdapter;
  private String rawBase;

  /** Both sides build their request for every call, as an application does. */
  private static final Operation GET_PAYMENT = Operation.get("getPayment", "/v1/payments/{id}");

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String base = "http://127.0.0.1:9/"; // never dialled: the interceptor answers first
    ClientOptions.Builder options = ClientOptions.builder().apiKey(Samples.API_KEY).baseUrl(base);
    bare =
        ClientRuntime.create(
            options
                .retryPolicy(RetryPolicy.none())
                .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                .build(),
            "payments",
            b -> b.addInterceptor(IN_MEMORY));
    resilient =
        ClientRuntime.create(
            options
                .retryPolicy(RetryPolicy.defaults())
                .circuitBreakerPolicy(CircuitBreakerPolicy.defaults())
                .build(),
            "payments",
            b -> b.addInterceptor(IN_MEMORY));
    raw =
        new OkHttpClient.Builder()
            .addInterceptor(IN_MEMORY)
            .retryOnConnectionFailure(false)
            .build();
    rawAdapter = Samples.mapAdapter();
    rawBase = base;
    if (!sdkBare().id().equals(ID) || !sdkResilient().id().equals(ID) || raw().isEmpty()) {
      throw new IllegalStateException("every side must decode the payment");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    bare.close();
    resilient.close();
    raw.dispatcher().executorService().shutdown();
  }

  @Benchmark
  public Map<String, Object> raw() throws IOException {
    try (Response r = raw.newCall(Samples.paymentRequest(rawBase, ID)).execute()) {
      return rawAdapter.fromJson(r.body().source());
    }
  }

  @Benchmark
  public Payment sdkBare() {
    return bare.execute(GET_PAYMENT.request(ID).build(), PAYMENT);
  }

  @Benchmark
  public Payment sdkResilient() {
    return resilient.execute(GET_PAYMENT.request(ID).build(), PAYMENT);
  }
}
