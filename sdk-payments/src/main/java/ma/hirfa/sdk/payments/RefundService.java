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
 * Refunds: full or partial, never above what remains. From {@link PaymentsClient#refunds()}; the
 * same operations return a {@code CompletableFuture} from {@link #async()}.
 *
 * <p>To refuse, before any call, an amount above what remains of a payment you just read, build the
 * params with {@link RefundCreateParams#partial(Payment, Money)}.
 */
public final class RefundService {
  static final Operation CREATE = Operation.post("createRefund", "/v1/refunds");
  static final Operation LIST = Operation.get("listRefunds", "/v1/refunds");
  static final Operation GET = Operation.get("getRefund", "/v1/refunds/{id}");

  static final TypeRef<Refund> REFUND = TypeRef.of(Refund.class);
  static final TypeRef<Page<Refund>> PAGE = new TypeRef<Page<Refund>>() {};

  private final ClientRuntime runtime;
  private final RefundServiceAsync async;

  RefundService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new RefundServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public RefundServiceAsync async() {
    return async;
  }

  public Refund create(RefundCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(RefundCreateParams)}, with per-call options. */
  public Refund create(RefundCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), REFUND);
  }

  public Refund get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Refund get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), REFUND);
  }

  /** One page; the next one is at its {@link Page#nextCursor()}. */
  public Page<Refund> list(RefundListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(RefundListParams)}, with per-call options. */
  public Page<Refund> list(RefundListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching refund, page by page as you iterate (synchronously). */
  public AutoPager<Refund> listAutoPaging(RefundListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(RefundListParams)}; the options apply to each page's call. */
  public AutoPager<Refund> listAutoPaging(RefundListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  static ApiRequest createRequest(RefundCreateParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(PaymentChecks.id("id", "re", "a refund id like re_4Kq9", id))
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(RefundListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      RefundListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("payment_id", p.paymentId())
        .query("cursor", cursor)
        .options(PaymentChecks.required("options", options))
        .build();
  }
}
