package ma.hirfa.sdk.payments;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filter, page size and starting point for listing payouts; a null filter is not applied.
 *
 * <pre>{@code
 * PayoutListParams toOneArtisan = PayoutListParams.builder().artisanId("art_7QK2M9").limit(50).build();
 * }</pre>
 *
 * @param limit payouts per page, 1 to 100
 * @param artisanId only the payouts to this artisan
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record PayoutListParams(int limit, @Nullable String artisanId, @Nullable String cursor) {
  private static final PayoutListParams DEFAULTS = builder().build();

  public PayoutListParams {
    PaymentChecks.limit(limit);
    if (artisanId != null) {
      PaymentChecks.artisanId("artisan_id", artisanId);
    }
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, every payout. */
  public static PayoutListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PayoutListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String artisanId;
    private @Nullable String cursor;

    private Builder() {}

    /** Payouts per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder artisanId(String artisanId) {
      this.artisanId = artisanId;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public PayoutListParams build() {
      return new PayoutListParams(limit, artisanId, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
