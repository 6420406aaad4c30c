package ma.hirfa.sdk.payments;

import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/** Payouts to artisans, in MAD. From {@link PaymentsClient#payouts()}. */
public final class PayoutService {
  private static final TypeRef<Payout> PAYOUT = TypeRef.of(Payout.class);
  private static final TypeRef<Page<Payout>> PAGE = new TypeRef<Page<Payout>>() {};

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
    return runtime.execute(
        ApiRequest.post("v1", "payouts").body(params).options(options).build(), PAYOUT);
  }

  public Payout get(String id) {
    return runtime.execute(
        ApiRequest.get(
                "v1", "payouts", PaymentChecks.id("id", "po", "a payout id like po_9Zk2", id))
            .build(),
        PAYOUT);
  }

  public Page<Payout> list(ListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  public AutoPager<Payout> listAutoPaging(ListParams params) {
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ListParams p, @Nullable String cursor) {
    return ApiRequest.get("v1", "payouts")
        .query("limit", p.limit())
        .query("artisan_id", p.artisanId())
        .query("cursor", cursor)
        .build();
  }
}
