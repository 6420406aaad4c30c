package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * The whole of a product, to replace it ({@link ProductService#update}): the same fields as {@link
 * ProductCreateParams}, required as the API's {@code PUT} requires them (a field left out is
 * removed, not kept). Start from the product you read, change what you need:
 *
 * <pre>{@code
 * Product current = catalog.products().get("prd_S000004");
 * catalog.products().update(current.id(), current.etag(),
 *     ProductUpdateParams.from(current).stock(current.stock() + 5).build());
 * }</pre>
 *
 * @param fields the product's fields, as the API receives them
 */
public record ProductUpdateParams(ProductFields fields) {
  public ProductUpdateParams {
    CatalogChecks.required("fields", fields);
  }

  /** An empty builder: every required field must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding every field {@code product} has, to change some of them. A VAT regime newer
   * than this SDK cannot be sent back: {@code build()} refuses it with a {@link
   * ma.hirfa.sdk.core.ValidationException} naming {@code vat_regime}.
   */
  public static Builder from(Product product) {
    return builder().copyOf(product);
  }

  /** Builds {@link ProductUpdateParams}; {@link #build()} checks every field. */
  public static final class Builder extends ProductFields.Builder<Builder> {
    private Builder() {}

    public ProductUpdateParams build() {
      return new ProductUpdateParams(fields());
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
