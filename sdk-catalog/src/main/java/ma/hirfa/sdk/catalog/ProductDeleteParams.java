package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * Whether a delete is conditional: {@link #ifMatch(String)} deletes the product only if it is still
 * at that version (otherwise a {@link ma.hirfa.sdk.core.VersionConflictException} and nothing is
 * deleted), {@link #anyVersion()} deletes it whatever its version.
 *
 * <pre>{@code
 * catalog.products().delete(current.id(), ProductDeleteParams.ifMatch(current.etag()));
 * catalog.products().delete("prd_S000004", ProductDeleteParams.anyVersion());
 * }</pre>
 *
 * @param ifMatch the ETag the product must still have, or null for any version
 */
public record ProductDeleteParams(@Nullable String ifMatch) {
  private static final ProductDeleteParams ANY_VERSION = new ProductDeleteParams(null);

  public ProductDeleteParams {
    if (ifMatch != null) {
      CatalogChecks.text("if_match", ifMatch, 200);
    }
  }

  /** Deletes the product whatever its version. */
  public static ProductDeleteParams anyVersion() {
    return ANY_VERSION;
  }

  /** Deletes the product only if it is still at this version ({@link Product#etag()}). */
  public static ProductDeleteParams ifMatch(String etag) {
    return new ProductDeleteParams(CatalogChecks.text("if_match", etag, 200));
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
