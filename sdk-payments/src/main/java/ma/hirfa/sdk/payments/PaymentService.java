package ma.hirfa.sdk.payments;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Payments: create, get, list, capture and cancel. Obtain it from {@link
 * PaymentsClient#payments()}.
 *
 * <p>{@code create}, {@code capture} and {@code cancel} send an {@code Idempotency-Key}, minted
 * once per call and reused by every retry; pass your own with {@link RequestOptions} to make a
 * retry after a crash of your own process safe too.
 */
public final class PaymentService {
  private static final TypeRef<Payment> PAYMENT = TypeRef.of(Payment.class);
  private static final TypeRef<Page<Payment>> PAGE = new TypeRef<Page<Payment>>() {};

  static final Operation CREATE = Operation.post("createPayment", "/v1/payments");
  static final Operation LIST = Operation.get("listPayments", "/v1/payments");
  static final Operation GET = Operation.get("getPayment", "/v1/payments/{id}");
  static final Operation CAPTURE = Operation.post("capturePayment", "/v1/payments/{id}/capture");
  static final Operation CANCEL = Operation.post("cancelPayment", "/v1/payments/{id}/cancel");

  private final ClientRuntime runtime;

  PaymentService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /** Creates a payment; check {@link Payment#status()} and {@link Payment#nextAction()}. */
  public Payment create(PaymentCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public Payment create(PaymentCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), PAYMENT);
  }

  /**
   * The asynchronous {@link #create(PaymentCreateParams)}; cancelling the future cancels the call.
   */
  public CompletableFuture<Payment> createAsync(
      PaymentCreateParams params, RequestOptions options) {
    return runtime.executeAsync(createRequest(params, options), PAYMENT);
  }

  private static ApiRequest createRequest(PaymentCreateParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    Objects.requireNonNull(options, "options == null");
    return CREATE.request().body(params).options(options).build();
  }

  public Payment get(String id) {
    return get(id, RequestOptions.none());
  }

  public Payment get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), PAYMENT);
  }

  public CompletableFuture<Payment> getAsync(String id) {
    return runtime.executeAsync(getRequest(id, RequestOptions.none()), PAYMENT);
  }

  private static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(PaymentChecks.paymentId("id", id)).options(options).build();
  }

  /** One page, newest first. */
  public Page<Payment> list(ListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  /** Every matching payment, fetched page by page as you iterate. */
  public AutoPager<Payment> listAutoPaging(ListParams params) {
    Objects.requireNonNull(params, "params == null");
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ListParams p, @Nullable String cursor) {
    return LIST.request()
        .query("limit", p.limit())
        .query("status", p.status() == null ? null : p.status().wireValue())
        .query("artisan_id", p.artisanId())
        .query("order_reference", p.orderReference())
        .query("cursor", cursor)
        .build();
  }

  /** Captures an authorized payment in full. */
  public Payment capture(String id) {
    return capture(id, null, RequestOptions.none());
  }

  /** Captures {@code amount} of an authorized payment (at most what was authorized). */
  public Payment capture(String id, @Nullable Money amount, RequestOptions options) {
    if (amount != null) {
      PaymentChecks.positive("amount", amount);
    }
    ApiRequest.Builder b = CAPTURE.request(PaymentChecks.paymentId("id", id)).options(options);
    b.body(new CaptureBody(amount));
    return runtime.execute(b.build(), PAYMENT);
  }

  /** Cancels a payment that is not captured yet. */
  public Payment cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  public Payment cancel(String id, RequestOptions options) {
    return runtime.execute(
        CANCEL.request(PaymentChecks.paymentId("id", id)).options(options).build(), PAYMENT);
  }

  /** The capture body; an absent amount captures everything authorized. */
  record CaptureBody(@Nullable Money amount) {}
}
