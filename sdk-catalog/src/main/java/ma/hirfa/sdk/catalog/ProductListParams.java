package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/** Filters and page size for listing products (catalog order); null filters are not applied. */
public record ProductListParams(
    int limit, @Nullable String artisanId, @Nullable String craft, @Nullable ProductStatus status) {

  public ProductListParams {
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    if (artisanId != null) {
      CatalogChecks.id("artisan_id", "art", artisanId);
    }
    if (craft != null) {
      CatalogChecks.code("craft", craft);
    }
    if (status == ProductStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known product status");
    }
  }

  /** 100 per page, no filter. */
  public static ProductListParams all() {
    return new ProductListParams(100, null, null, null);
  }

  public ProductListParams withArtisan(String artisanId) {
    return new ProductListParams(limit, artisanId, craft, status);
  }

  public ProductListParams withCraft(String craft) {
    return new ProductListParams(limit, artisanId, craft, status);
  }

  public ProductListParams withStatus(ProductStatus status) {
    return new ProductListParams(limit, artisanId, craft, status);
  }

  public ProductListParams withLimit(int limit) {
    return new ProductListParams(limit, artisanId, craft, status);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
