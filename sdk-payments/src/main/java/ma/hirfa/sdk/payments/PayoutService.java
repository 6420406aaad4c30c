package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Payouts to artisans, in MAD. From {@link PaymentsClient#payouts()}; the same operations return a
 * {@code CompletableFuture} from {@link #async()}.
 */
public final class PayoutService {
  static final Operation CREATE = Operation.post("createPayout", "/v1/payouts");
  static final Operation LIST = Operation.get("listPayouts", "/v1/payouts");
  static final Operation GET = Operation.get("getPayout", "/v1/payouts/{id}");

  static final TypeRef<Payout> PAYOUT = TypeRef.of(Payout.class);
  static final TypeRef<Page<Payout>> PAGE = new TypeRef<Page<Payout>>() {};

  private final ClientRuntime runtime;
  private final PayoutServiceAsync async;

  PayoutService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new PayoutServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public PayoutServiceAsync async() {
    return async;
  }

  /** Sends a payout; an invalid RIB, IBAN or phone was already refused by the params. */
  public Payout create(PayoutCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(PayoutCreateParams)}, with per-call options. */
  public Payout create(PayoutCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), PAYOUT);
  }

  public Payout get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Payout get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), PAYOUT);
  }

  /** One page; the next one is at its {@link Page#nextCursor()}. */
  public Page<Payout> list(PayoutListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(PayoutListParams)}, with per-call options. */
  public Page<Payout> list(PayoutListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching payout, page by page as you iterate (synchronously). */
  public AutoPager<Payout> listAutoPaging(PayoutListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(PayoutListParams)}; the options apply to each page's call. */
  public AutoPager<Payout> listAutoPaging(PayoutListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    PaymentChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  static ApiRequest createRequest(PayoutCreateParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(PaymentChecks.id("id", "po", "a payout id like po_9Zk2", id))
        .options(PaymentChecks.required("options", options))
        .build();
  }

  static ApiRequest listRequest(PayoutListParams params, RequestOptions options) {
    PaymentChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      PayoutListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("artisan_id", p.artisanId())
        .query("cursor", cursor)
        .options(PaymentChecks.required("options", options))
        .build();
  }
}
