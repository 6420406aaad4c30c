package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Page size and starting point for listing the webhook endpoints.
 *
 * @param limit endpoints per page, 1 to 100
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record WebhookEndpointListParams(int limit, @Nullable String cursor) {
  private static final WebhookEndpointListParams DEFAULTS = builder().build();

  public WebhookEndpointListParams {
    PaymentChecks.limit(limit);
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, from the first page. */
  public static WebhookEndpointListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebhookEndpointListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String cursor;

    private Builder() {}

    /** Endpoints per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public WebhookEndpointListParams build() {
      return new WebhookEndpointListParams(limit, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
