package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Page size and starting point for listing the deliveries of one endpoint, newest first.
 *
 * @param limit deliveries per page, 1 to 100
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record WebhookDeliveryListParams(int limit, @Nullable String cursor) {
  private static final WebhookDeliveryListParams DEFAULTS = builder().build();

  public WebhookDeliveryListParams {
    PaymentChecks.limit(limit);
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, from the first page. */
  public static WebhookDeliveryListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebhookDeliveryListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String cursor;

    private Builder() {}

    /** Deliveries per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public WebhookDeliveryListParams build() {
      return new WebhookDeliveryListParams(limit, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
