package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filters, page size and starting point for listing payments; null filters are not applied.
 *
 * <pre>{@code
 * PaymentListParams succeeded = PaymentListParams.builder()
 *     .status(PaymentStatus.SUCCEEDED)
 *     .artisanId("art_7QK2M9")
 *     .limit(50)
 *     .build();
 * }</pre>
 *
 * @param limit payments per page, 1 to 100
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the newest payments
 */
public record PaymentListParams(
    int limit,
    @Nullable PaymentStatus status,
    @Nullable String artisanId,
    @Nullable String orderReference,
    @Nullable String cursor) {

  private static final PaymentListParams DEFAULTS = builder().build();

  public PaymentListParams {
    PaymentChecks.limit(limit);
    if (status == PaymentStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known payment status");
    }
    if (artisanId != null) {
      PaymentChecks.artisanId("artisan_id", artisanId);
    }
    if (orderReference != null) {
      PaymentChecks.text("order_reference", orderReference, 64);
    }
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, no filter, from the newest. */
  public static PaymentListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PaymentListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable PaymentStatus status;
    private @Nullable String artisanId;
    private @Nullable String orderReference;
    private @Nullable String cursor;

    private Builder() {}

    /** Payments per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder status(PaymentStatus status) {
      this.status = status;
      return this;
    }

    public Builder artisanId(String artisanId) {
      this.artisanId = artisanId;
      return this;
    }

    public Builder orderReference(String orderReference) {
      this.orderReference = orderReference;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public PaymentListParams build() {
      return new PaymentListParams(limit, status, artisanId, orderReference, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
