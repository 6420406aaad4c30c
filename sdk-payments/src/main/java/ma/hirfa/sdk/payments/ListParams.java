package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filters and page size for the list calls; null filters are not applied.
 *
 * <pre>{@code
 * ListParams.builder().status(PaymentStatus.SUCCEEDED).artisanId("art_7QK2M9").limit(50).build()
 * }</pre>
 */
public record ListParams(
    int limit,
    @Nullable PaymentStatus status,
    @Nullable String artisanId,
    @Nullable String orderReference,
    @Nullable String paymentId) {

  private static final ListParams DEFAULTS = new ListParams(20, null, null, null, null);

  public ListParams {
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    if (status == PaymentStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known payment status");
    }
    if (artisanId != null) {
      PaymentChecks.artisanId("artisan_id", artisanId);
    }
    if (paymentId != null) {
      PaymentChecks.paymentId("payment_id", paymentId);
    }
  }

  /** 20 per page, no filter. */
  public static ListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ListParams}. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable PaymentStatus status;
    private @Nullable String artisanId;
    private @Nullable String orderReference;
    private @Nullable String paymentId;

    private Builder() {}

    /** Items per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Payments only. */
    public Builder status(PaymentStatus status) {
      this.status = status;
      return this;
    }

    /** Payments and payouts. */
    public Builder artisanId(String artisanId) {
      this.artisanId = artisanId;
      return this;
    }

    /** Payments only. */
    public Builder orderReference(String orderReference) {
      this.orderReference = orderReference;
      return this;
    }

    /** Refunds only. */
    public Builder paymentId(String paymentId) {
      this.paymentId = paymentId;
      return this;
    }

    public ListParams build() {
      return new ListParams(limit, status, artisanId, orderReference, paymentId);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
