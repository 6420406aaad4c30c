package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Payments: create, get, list, capture and cancel. Obtain it from {@link
 * PaymentsClient#payments()}; the same operations return a {@code CompletableFuture} from {@link
 * #async()}.
 *
 * <p>Every operation has two forms: with its required arguments, and with those and {@link
 * RequestOptions} (a deadline, attempts, your own idempotency key). {@code create}, {@code capture}
 * and {@code cancel} send an {@code Idempotency-Key}, minted once per call and reused by every
 * retry; pass your own to make a retry after a crash of your own process safe too.
 */
public final class PaymentService {
  static final Operation CREATE = Operation.post("createPayment", "/v1/payments");
  static final Operation LIST = Operation.get("listPayments", "/v1/payments");
  static final Operation GET = Operation.get("getPayment", "/v1/payments/{id}");
  static final Operation CAPTURE = Operation.post("capturePayment", "/v1/payments/{id}/capture");
  static final Operation CANCEL = Operation.post("cancelPayment", "/v1/payments/{id}/cancel");

  static final TypeRef<Payment> PAYMENT = TypeRef.of(Payment.class);
  static final TypeRef<Page<Payment>> PAGE = new TypeRef<Page<Payment>>() {};

  private final ClientRuntime runtime;
  private final PaymentServiceAsync async;

  PaymentService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new PaymentServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public PaymentServiceAsync async() {
    return async;
  }

  /** Creates a payment; check {@link Payment#status()} and {@link Payment#nextAction()}. */
  public Payment create(PaymentCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(PaymentCreateParams)}, with per-call options. */
  public Payment create(PaymentCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), PAYMENT);
  }

  public Payment get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Payment get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), PAYMENT);
  }

  /** One page, newest first; the next one is at its {@link Page#nextCursor()}. */
  public Page<Payment> list(PaymentListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(PaymentListParams)}, with per-call options. */
  public Page<Payment> list(PaymentListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /**
   * Every matching payment, fetched page by page as you iterate (synchronously: an iterator has no
   * asynchronous form).
   */
  public AutoPager<Payment> listAutoPaging(PaymentListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(PaymentListParams)}; the options apply to each page's call. */
  public AutoPager<Payment> listAutoPaging(PaymentListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  /**
   * Captures an authorized payment, in full ({@link PaymentCaptureParams#full()}) or in part
   * ({@link PaymentCaptureParams#amount(Money)}).
   */
  public Payment capture(String id, PaymentCaptureParams params) {
    return capture(id, params, RequestOptions.none());
  }

  /** Like {@link #capture(String, PaymentCaptureParams)}, with per-call options. */
  public Payment capture(String id, PaymentCaptureParams params, RequestOptions options) {
    return runtime.execute(captureRequest(id, params, options), PAYMENT);
  }

  /** Cancels a payment that is not captured yet. */
  public Payment cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  /** Like {@link #cancel(String)}, with per-call options. */
  public Payment cancel(String id, RequestOptions options) {
    return runtime.execute(cancelRequest(id, options), PAYMENT);
  }

  static ApiRequest createRequest(PaymentCreateParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(PaymentChecks.paymentId("id", id))
        .options(PaymentChecks.required("options", options))
        .build();
  }

  /** The page at the params' own cursor. */
  static ApiRequest listRequest(PaymentListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      PaymentListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("status", p.status() == null ? null : p.status().wireValue())
        .query("artisan_id", p.artisanId())
        .query("order_reference", p.orderReference())
        .query("cursor", cursor)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest captureRequest(String id, PaymentCaptureParams params, RequestOptions options) {
    String checked = PaymentChecks.paymentId("id", id);
    PaymentChecks.required("params", params);
    return CAPTURE
        .request(checked)
        .body(params)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest cancelRequest(String id, RequestOptions options) {
    return CANCEL
        .request(PaymentChecks.paymentId("id", id))
        .options(PaymentChecks.required("options", options))
        .build();
  }
}
