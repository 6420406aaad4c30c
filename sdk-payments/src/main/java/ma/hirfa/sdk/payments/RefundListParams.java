package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filter, page size and starting point for listing refunds; a null filter is not applied.
 *
 * <pre>{@code
 * RefundListParams ofOnePayment = RefundListParams.builder().paymentId("pay_8Hx2Lq").build();
 * }</pre>
 *
 * @param limit refunds per page, 1 to 100
 * @param paymentId only the refunds of this payment
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record RefundListParams(int limit, @Nullable String paymentId, @Nullable String cursor) {
  private static final RefundListParams DEFAULTS = builder().build();

  public RefundListParams {
    PaymentChecks.limit(limit);
    if (paymentId != null) {
      PaymentChecks.paymentId("payment_id", paymentId);
    }
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, every refund. */
  public static RefundListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RefundListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String paymentId;
    private @Nullable String cursor;

    private Builder() {}

    /** Refunds per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder paymentId(String paymentId) {
      this.paymentId = paymentId;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public RefundListParams build() {
      return new RefundListParams(limit, paymentId, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
