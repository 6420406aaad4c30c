package ma.hirfa.sdk.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.function.Supplier;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CircuitState;
import ma.hirfa.sdk.core.ClientHealth;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer metrics for every Hirfa call, with bounded tags only.
 *
 * <pre>{@code
 * HirfaMetrics metrics = HirfaMetrics.create(registry);
 * PaymentsClient client = PaymentsClient.builder()
 *     .apiKey(System.getenv("HIRFA_API_KEY"))
 *     .configure(o -> o.addListener(metrics))
 *     .build();
 * metrics.bindCircuit("payments", client::health);
 * }</pre>
 *
 * <h2>Meters</h2>
 *
 * <ul>
 *   <li>{@value #CALLS} (timer): one sample per logical call, retries and back-off included, tagged
 *       {@code operation} ({@code createPayment}), {@code url.template} ({@code /v1/payments}),
 *       {@code method}, {@code outcome} ({@code SUCCESS}, or the exception: {@code
 *       ServerException}, {@code ConnectionException}...), {@code status} (the last HTTP status, or
 *       {@code NONE}) and {@code attempts} ({@code 1}, {@code 2}, {@code 3} or {@code 4+}).
 *   <li>{@value #RETRIES} (counter): attempts followed by a retry, tagged {@code operation} and
 *       {@code reason} (the exception the attempt met).
 *   <li>{@value #BUDGET_REFUSALS} (counter): retries refused because the retry budget was empty,
 *       tagged {@code operation}.
 *   <li>{@value #BREAKER_REJECTIONS} (counter): calls an open circuit breaker stopped, before their
 *       first attempt or between two, tagged {@code operation}.
 *   <li>{@value #CIRCUIT} (gauge, per {@link #bindCircuit}): 0 closed, 1 half open, 2 open, -1 no
 *       breaker; tagged {@code api}.
 * </ul>
 *
 * Every tag value comes from a closed set (the contract's operations and templates, exception
 * types, HTTP statuses): ids and paths never become tags, so cardinality stays bounded.
 */
public final class HirfaMetrics implements CallListener {
  public static final String CALLS = "hirfa.client.calls";
  public static final String RETRIES = "hirfa.client.retries";
  public static final String BUDGET_REFUSALS = "hirfa.client.retry.budget.refusals";
  public static final String BREAKER_REJECTIONS = "hirfa.client.circuit.rejections";
  public static final String CIRCUIT = "hirfa.client.circuit.state";

  private static final String BUDGET_EXHAUSTED = "retry budget exhausted";

  private final MeterRegistry registry;

  private HirfaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics recorded in {@code registry}; register the result as a listener of each client. */
  public static HirfaMetrics create(MeterRegistry registry) {
    return new HirfaMetrics(Objects.requireNonNull(registry, "registry == null"));
  }

  /**
   * Adds the {@value #CIRCUIT} gauge for one client, read from its {@code health()} when the
   * registry is scraped (no call is made).
   */
  public HirfaMetrics bindCircuit(String api, Supplier<ClientHealth> health) {
    Objects.requireNonNull(api, "api == null");
    Objects.requireNonNull(health, "health == null");
    Gauge.builder(CIRCUIT, health, h -> circuitValue(h.get().circuit()))
        .tag("api", api)
        .description("State of the client's circuit breaker: 0 closed, 1 half open, 2 open")
        // A method reference like client::health is held by nothing else: a weak reference,
        // Micrometer's default, would let it go and the gauge read NaN.
        .strongReference(true)
        .register(registry);
    return this;
  }

  static double circuitValue(CircuitState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
      case DISABLED -> -1;
    };
  }

  @Override
  public void attemptFinished(AttemptEvent e) {
    if (e.retryIn() != null) {
      Counter.builder(RETRIES)
          .tag("operation", e.operation())
          .tag("reason", reason(e.failure(), e.status()))
          .register(registry)
          .increment();
    } else if (BUDGET_EXHAUSTED.equals(e.stopReason())) {
      Counter.builder(BUDGET_REFUSALS)
          .tag("operation", e.operation())
          .register(registry)
          .increment();
    }
  }

  @Override
  public void callFinished(CallEvent e) {
    if ("CircuitOpenException".equals(e.failure())) {
      Counter.builder(BREAKER_REJECTIONS)
          .tag("operation", e.operation())
          .register(registry)
          .increment();
    }
    Timer.builder(CALLS)
        .tags(
            Tags.of(
                "operation",
                e.operation(),
                "url.template",
                e.urlTemplate(),
                "method",
                e.method(),
                "outcome",
                e.failure() == null ? "SUCCESS" : e.failure(),
                "status",
                e.status() == 0 ? "NONE" : Integer.toString(e.status()),
                "attempts",
                e.attempts() >= 4 ? "4+" : Integer.toString(e.attempts())))
        .description("Hirfa calls, retries and back-off included")
        .register(registry)
        .record(e.duration());
  }

  private static String reason(@Nullable String failure, int status) {
    return failure != null ? failure : "HTTP " + status;
  }
}
