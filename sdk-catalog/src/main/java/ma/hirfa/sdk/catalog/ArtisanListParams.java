package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filters, page size and starting point for listing artisans; null filters are not applied.
 *
 * <pre>{@code
 * ArtisanListParams inSouss =
 *     ArtisanListParams.builder().region("souss_massa").craft("argan_wood").limit(50).build();
 * }</pre>
 *
 * @param limit artisans per page, 1 to 100
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record ArtisanListParams(
    int limit,
    @Nullable String region,
    @Nullable String craft,
    @Nullable ArtisanStatus status,
    @Nullable String cursor) {
  private static final ArtisanListParams DEFAULTS = builder().build();

  public ArtisanListParams {
    CatalogChecks.limit(limit);
    if (region != null) {
      CatalogChecks.code("region", region);
    }
    if (craft != null) {
      CatalogChecks.code("craft", craft);
    }
    if (status == ArtisanStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known artisan status");
    }
    CatalogChecks.cursor(cursor);
  }

  /** 20 per page, no filter, from the first page. */
  public static ArtisanListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ArtisanListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String region;
    private @Nullable String craft;
    private @Nullable ArtisanStatus status;
    private @Nullable String cursor;

    private Builder() {}

    /** Artisans per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** A region code, like {@code souss_massa}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** A craft code of the {@link Taxonomy}, like {@code knotted_rug}. */
    public Builder craft(String craft) {
      this.craft = craft;
      return this;
    }

    public Builder status(ArtisanStatus status) {
      this.status = status;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public ArtisanListParams build() {
      return new ArtisanListParams(limit, region, craft, status, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
