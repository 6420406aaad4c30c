package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/** Filters and page size for listing artisans; null filters are not applied. */
public record ArtisanListParams(
    int limit, @Nullable String region, @Nullable String craft, @Nullable ArtisanStatus status) {

  public ArtisanListParams {
    if (limit < 1 || limit > 100) {
      throw new ValidationException("limit", "must be between 1 and 100 but was " + limit);
    }
    if (region != null) {
      CatalogChecks.code("region", region);
    }
    if (craft != null) {
      CatalogChecks.code("craft", craft);
    }
    if (status == ArtisanStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known artisan status");
    }
  }

  /** 100 per page, no filter. */
  public static ArtisanListParams all() {
    return new ArtisanListParams(100, null, null, null);
  }

  public ArtisanListParams withRegion(String region) {
    return new ArtisanListParams(limit, region, craft, status);
  }

  public ArtisanListParams withCraft(String craft) {
    return new ArtisanListParams(limit, region, craft, status);
  }

  public ArtisanListParams withStatus(ArtisanStatus status) {
    return new ArtisanListParams(limit, region, craft, status);
  }

  public ArtisanListParams withLimit(int limit) {
    return new ArtisanListParams(limit, region, craft, status);
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
