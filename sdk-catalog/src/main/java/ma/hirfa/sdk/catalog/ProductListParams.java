package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Filters, page size and starting point for listing products (catalog order); null filters are not
 * applied.
 *
 * <pre>{@code
 * ProductListParams onSale =
 *     ProductListParams.builder().artisanId("art_S000001").status(ProductStatus.ACTIVE).build();
 * }</pre>
 *
 * @param limit products per page, 1 to 100
 * @param cursor where to start: a page's {@code nextCursor()}, or null for the first page
 */
public record ProductListParams(
    int limit,
    @Nullable String artisanId,
    @Nullable String craft,
    @Nullable ProductStatus status,
    @Nullable String cursor) {
  private static final ProductListParams DEFAULTS = builder().build();

  public ProductListParams {
    CatalogChecks.limit(limit);
    if (artisanId != null) {
      CatalogChecks.id("artisan_id", "art", artisanId);
    }
    if (craft != null) {
      CatalogChecks.code("craft", craft);
    }
    if (status == ProductStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known product status");
    }
    CatalogChecks.cursor(cursor);
  }

  /** 20 per page, no filter, from the first page. */
  public static ProductListParams defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProductListParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private int limit = 20;
    private @Nullable String artisanId;
    private @Nullable String craft;
    private @Nullable ProductStatus status;
    private @Nullable String cursor;

    private Builder() {}

    /** Products per page, 1 to 100; default 20. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder artisanId(String artisanId) {
      this.artisanId = artisanId;
      return this;
    }

    /** A craft code of the {@link Taxonomy}, like {@code kilim}. */
    public Builder craft(String craft) {
      this.craft = craft;
      return this;
    }

    public Builder status(ProductStatus status) {
      this.status = status;
      return this;
    }

    /** Starts at the page of this cursor (a page's {@code nextCursor()}). */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public ProductListParams build() {
      return new ProductListParams(limit, artisanId, craft, status, cursor);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
