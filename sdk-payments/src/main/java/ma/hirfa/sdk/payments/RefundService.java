package ma.hirfa.sdk.payments;

import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/** Refunds: full or partial, never above what remains. From {@link PaymentsClient#refunds()}. */
public final class RefundService {
  private static final TypeRef<Refund> REFUND = TypeRef.of(Refund.class);
  private static final TypeRef<Page<Refund>> PAGE = new TypeRef<Page<Refund>>() {};

  static final Operation CREATE = Operation.post("createRefund", "/v1/refunds");
  static final Operation LIST = Operation.get("listRefunds", "/v1/refunds");
  static final Operation GET = Operation.get("getRefund", "/v1/refunds/{id}");

  private final ClientRuntime runtime;

  RefundService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public Refund create(RefundCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public Refund create(RefundCreateParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    return runtime.execute(CREATE.request().body(params).options(options).build(), REFUND);
  }

  /**
   * Refunds {@code amount} of a payment you just read, refusing before any call an amount above
   * {@link Payment#refundable()} or in another currency. The API checks again.
   */
  public Refund create(Payment payment, Money amount) {
    Objects.requireNonNull(payment, "payment == null");
    PaymentChecks.positive("amount", amount);
    Money remaining = payment.refundable();
    if (!amount.currencyCode().equals(remaining.currencyCode())) {
      throw new ValidationException(
          "amount.currency", "the payment is in " + remaining.currencyCode());
    }
    if (amount.compareTo(remaining) > 0) {
      throw new ValidationException("amount", "exceeds what remains to refund (" + remaining + ")");
    }
    return create(RefundCreateParams.partial(payment.id(), amount));
  }

  public Refund get(String id) {
    return runtime.execute(
        GET.request(PaymentChecks.id("id", "re", "a refund id like re_4Kq9", id)).build(), REFUND);
  }

  public Page<Refund> list(ListParams params) {
    return runtime.execute(listRequest(params, null), PAGE);
  }

  public AutoPager<Refund> listAutoPaging(ListParams params) {
    return Pagers.autoPager(runtime, PAGE, cursor -> listRequest(params, cursor));
  }

  private static ApiRequest listRequest(ListParams p, @Nullable String cursor) {
    return LIST.request()
        .query("limit", p.limit())
        .query("payment_id", p.paymentId())
        .query("cursor", cursor)
        .build();
  }
}
