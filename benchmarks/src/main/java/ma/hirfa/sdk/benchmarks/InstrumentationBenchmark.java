package ma.hirfa.sdk.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CircuitBreakerPolicy;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.micrometer.HirfaMetrics;
import ma.hirfa.sdk.opentelemetry.HirfaTracing;
import ma.hirfa.sdk.payments.Payment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What instrumentation costs per call: {@code getPayment} (a contract operation, so the listeners
 * see its operationId and template) through one client per {@code listeners} value, all measured in
 * the same run, so each is read as a ratio to {@code none}:
 *
 * <ul>
 *   <li>{@code none}: no listener, as a client is built by default and as the Spring Boot starter
 *       builds it without Micrometer or OpenTelemetry: the SDK builds no event at all;
 *   <li>{@code noop}: one listener that does nothing, the cost of building and dispatching the
 *       events;
 *   <li>{@code micrometer}: {@link HirfaMetrics} on a {@link SimpleMeterRegistry};
 *   <li>{@code otel}: {@link HirfaTracing} on the OpenTelemetry SDK (W3C propagation, every span
 *       sampled and handed to a batch processor whose exporter drops it);
 *   <li>{@code both}: the two, as the starter wires them in an application that has both.
 * </ul>
 *
 * {@code transport=loopback} sends every call to the {@link LocalServer} on 127.0.0.1 the other
 * call benchmarks use (a realistic call, about 100 µs here); {@code transport=memory} answers it
 * from an OkHttp interceptor as {@link PipelineBenchmark} does, so that the listeners' few
 * microseconds are not lost in the noise of the round trip.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstrumentationBenchmark {
  private static final Operation GET_PAYMENT = Operation.get("getPayment", "/v1/payments/{id}");
  private static final TypeRef<Payment> PAYMENT = TypeRef.of(Payment.class);

  @Param({"none", "noop", "micrometer", "otel", "both"})
  public String listeners;

  @Param({"memory", "loopback"})
  public String transport;

  private LocalServer server;
  private OpenTelemetrySdk otel;
  private ClientRuntime client;

  /** Drops every span: what is measured is the tracing, not an exporter's network. */
  static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = LocalServer.json(CallOverheadBenchmark.PAYMENT_JSON);
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    ClientOptions.Builder options =
        ClientOptions.builder()
            .apiKey(Samples.API_KEY)
            .baseUrl(server.baseUrl())
            .retryPolicy(RetryPolicy.defaults())
            .circuitBreakerPolicy(CircuitBreakerPolicy.defaults())
            .connectionPool(16, Duration.ofMinutes(5));
    switch (listeners) {
      case "none" -> {}
      case "noop" -> options.addListener(new CallListener() {});
      case "micrometer" -> options.addListener(HirfaMetrics.create(new SimpleMeterRegistry()));
      case "otel" -> options.addListener(HirfaTracing.create(otel));
      case "both" ->
          options
              .addListener(HirfaMetrics.create(new SimpleMeterRegistry()))
              .addListener(HirfaTracing.create(otel));
      default -> throw new IllegalArgumentException(listeners);
    }
    client =
        transport.equals("memory")
            ? ClientRuntime.create(
                options.build(), "payments", b -> b.addInterceptor(PipelineBenchmark.IN_MEMORY))
            : ClientRuntime.create(options.build(), "payments");
    if (!get().id().equals(Samples.PAYMENT_ID)) {
      throw new IllegalStateException("the client must decode the payment");
    }
    // Compiled code before any measurement: the listeners bring Micrometer's and the
    // OpenTelemetry SDK's code, which the JIT, starved on 2 shared cores, was still compiling
    // during the first measured seconds (seen: 80 µs falling to 13 µs across iterations).
    for (int i = 0; i < WARM_CALLS; i++) {
      get();
    }
  }

  /** Calls before the trial, as {@link CallOverheadBenchmark} makes. */
  static final int WARM_CALLS = 20_000;

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    otel.close();
    server.close();
  }

  @Benchmark
  public Payment get() {
    return client.execute(GET_PAYMENT.request(Samples.PAYMENT_ID).build(), PAYMENT);
  }
}
