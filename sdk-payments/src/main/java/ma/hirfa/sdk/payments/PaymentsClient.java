package ma.hirfa.sdk.payments;

import java.util.Objects;
import ma.hirfa.sdk.core.ClientBuilder;
import ma.hirfa.sdk.core.ClientHealth;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import org.jspecify.annotations.Nullable;

/**
 * The M2T Payments API client, for banks integrating artisan payments.
 *
 * <pre>{@code
 * PaymentsClient client = PaymentsClient.builder()
 *     .apiKey(System.getenv("HIRFA_API_KEY"))
 *     .build();
 *
 * Payment payment = client.payments().create(PaymentCreateParams.builder()
 *     .amount(Money.parse("1250.00", "MAD"))
 *     .orderReference("ORD-2026-000123")
 *     .artisanId("art_7QK2M9")
 *     .method(PaymentMethodInput.mobileWallet("0612345678"))
 *     .build());
 * }</pre>
 *
 * <h2>Share one client</h2>
 *
 * A client holds a connection pool, dispatcher threads, a circuit breaker and a retry budget. Build
 * one at start-up and share it: it is immutable and thread-safe. For a variant with other settings
 * (a shorter timeout for one code path, another key), use {@link #newBuilder()}: the variant shares
 * the pool and threads.
 *
 * <h2>Money never moves twice</h2>
 *
 * Every call that creates or changes a payment, refund or payout carries an {@code Idempotency-Key}
 * minted once per call and reused by each retry (see {@code docs/reliability.md}).
 *
 * <h2>Shutdown</h2>
 *
 * {@link #close()} releases idle connections and threads; it is optional for a client that lives as
 * long as the application.
 */
public final class PaymentsClient implements AutoCloseable {
  static final String API = "payments";

  private final ClientRuntime runtime;
  private final PaymentService payments;
  private final RefundService refunds;
  private final PayoutService payouts;
  private final SettlementService settlements;
  private final WebhookEndpointService webhookEndpoints;

  private PaymentsClient(ClientRuntime runtime) {
    this.runtime = runtime;
    this.payments = new PaymentService(runtime);
    this.refunds = new RefundService(runtime);
    this.payouts = new PayoutService(runtime);
    this.settlements = new SettlementService(runtime);
    this.webhookEndpoints = new WebhookEndpointService(runtime);
  }

  /** A client with these options and its own connection pool. */
  public static PaymentsClient create(ClientOptions options) {
    return new PaymentsClient(
        ClientRuntime.create(Objects.requireNonNull(options, "options == null"), API));
  }

  public static Builder builder() {
    return new Builder(null, ClientOptions.builder());
  }

  /** A builder starting from this client's options; the client it builds shares this one's pool. */
  public Builder newBuilder() {
    return new Builder(runtime, runtime.options().newBuilder());
  }

  public ClientOptions options() {
    return runtime.options();
  }

  /** The engine, for the reliability suite's leak and budget checks. */
  ClientRuntime runtime() {
    return runtime;
  }

  public PaymentService payments() {
    return payments;
  }

  public RefundService refunds() {
    return refunds;
  }

  public PayoutService payouts() {
    return payouts;
  }

  public SettlementService settlements() {
    return settlements;
  }

  public WebhookEndpointService webhookEndpoints() {
    return webhookEndpoints;
  }

  /**
   * What this client knows about the API's health, without making a call: the circuit breaker's
   * state, the retry budget and how the last call ended.
   */
  public ClientHealth health() {
    return runtime.health();
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "PaymentsClient{" + runtime.options() + "}";
  }

  /**
   * Builds a {@link PaymentsClient}: the API key, optionally the base URL, and any other {@link
   * ClientOptions} setting through {@link #configure}.
   */
  public static final class Builder extends ClientBuilder<Builder, PaymentsClient> {
    private final @Nullable ClientRuntime parent;

    private Builder(@Nullable ClientRuntime parent, ClientOptions.Builder options) {
      super(options);
      this.parent = parent;
    }

    @Override
    protected PaymentsClient build(ClientOptions options) {
      return new PaymentsClient(ClientRuntime.createOrDerive(parent, options, API));
    }
  }
}
