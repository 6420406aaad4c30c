package ma.hirfa.sdk.payments;

import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/** Payouts to artisans, in MAD. From {@link PaymentsClient#payouts()}. */
public final class PayoutService {
  private static final TypeRef<Payout> PAYOUT = TypeRef.of(Payout.class);
  private static final TypeRef<Page<Payout>> PAGE = new TypeRef<Page<Payout>>() {};

  static final Operation CREATE = Operation.post("createPayout", "/v1/payouts");
  static final Operation LIST = Operation.get("listPayouts", "/v1/payouts");
  static final Operation GET = Operation.get("getPayout", "/v1/payouts/{id}");

  private final ClientRuntime runtime;

  PayoutService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /** Sends a payout; an invalid RIB, IBAN or phone was already refused by the params. */
  public Payout create(PayoutCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public Payout create(PayoutCreateParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    return runtime.execute(CREATE.request().body(params).options(options).build(), PAYOUT);
  }

  public Payout get(String id) {
    return runtime.execute(
        GET.request(PaymentChecks.id("id", "po", "a payout id like po_9Zk2", id)).build(), PAYOUT);
  }

  public Page<Payout> list(ListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  public AutoPager<Payout> listAutoPaging(ListParams params) {
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ListParams p, @Nullable String cursor) {
    return LIST.request()
        .query("limit", p.limit())
        .query("artisan_id", p.artisanId())
        .query("cursor", cursor)
        .build();
  }
}
