package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filter, page size and starting point for listing orders (newest first); a null status lists every
 * order.
 *
 * <pre>{@code
 * OrderListParams paid = OrderListParams.builder().status(OrderStatus.PAID).limit(50).build();
 * }</pre>
 *
 * @param limit orders per page, 1 to 100
 * @param status only the orders in this state
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the newest orders
 */
public record OrderListParams(int limit, @Nullable OrderStatus status, @Nullable String cursor) {
  private static final OrderListParams DEFAULTS = builder().build();

  public OrderListParams {
    CatalogChecks.limit(limit);
    if (status == OrderStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known order status");
    }
    CatalogChecks.cursor(cursor);
  }

  /** 20 per page, every order, from the newest. */
  public static OrderListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OrderListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable OrderStatus status;
    private @Nullable String cursor;

    private Builder() {}

    /** Orders per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder status(OrderStatus status) {
      this.status = status;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public OrderListParams build() {
      return new OrderListParams(limit, status, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
