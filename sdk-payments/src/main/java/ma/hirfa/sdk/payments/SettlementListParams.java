package ma.hirfa.sdk.payments;

import java.time.LocalDate;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filter, page size and starting point for listing settlements (one per UTC day and currency); a
 * null date lists every day.
 *
 * <pre>{@code
 * SettlementListParams oneDay = SettlementListParams.builder().date(LocalDate.of(2026, 11, 29)).build();
 * SettlementListParams everyDay = SettlementListParams.defaults();
 * }</pre>
 *
 * @param limit settlements per page, 1 to 100
 * @param date only the settlements of this UTC day
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record SettlementListParams(int limit, @Nullable LocalDate date, @Nullable String cursor) {
  private static final SettlementListParams DEFAULTS = builder().build();

  public SettlementListParams {
    PaymentChecks.limit(limit);
    PaymentChecks.cursor(cursor);
  }

  /** 20 per page, every day. */
  public static SettlementListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SettlementListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable LocalDate date;
    private @Nullable String cursor;

    private Builder() {}

    /** Settlements per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Only the settlements of this UTC day (one per currency). */
    public Builder date(LocalDate date) {
      this.date = PaymentChecks.required("date", date);
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public SettlementListParams build() {
      return new SettlementListParams(limit, date, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
