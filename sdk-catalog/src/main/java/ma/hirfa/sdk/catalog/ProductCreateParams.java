package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * A new product, for {@link ProductService#create} and the batch upsert by SKU ({@link
 * ProductService#upsert}). Checked when built: a bad field is a {@link
 * ma.hirfa.sdk.core.ValidationException} naming it, before anything is sent.
 *
 * <pre>{@code
 * ProductCreateParams kilim = ProductCreateParams.builder()
 *     .sku("TIF-KLM-0042")
 *     .artisanId("art_S000001")
 *     .craft("kilim")
 *     .title(LocalizedText.builder().put("ar", "حنبل").put("fr", "Kilim bleu de Taznakht").build())
 *     .price(Money.parse("1800.00", "MAD"))
 *     .stock(3)
 *     .build();
 * }</pre>
 *
 * @param fields the product's fields, as the API receives them
 */
public record ProductCreateParams(ProductFields fields) {
  public ProductCreateParams {
    CatalogChecks.required("fields", fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding every field {@code product} has: a new product like it once you change its
   * SKU. A VAT regime newer than this SDK cannot be sent back: {@code build()} refuses it with a
   * {@link ma.hirfa.sdk.core.ValidationException} naming {@code vat_regime}.
   */
  public static Builder from(Product product) {
    return builder().copyOf(product);
  }

  /** Builds {@link ProductCreateParams}; {@link #build()} checks every field. */
  public static final class Builder extends ProductFields.Builder<Builder> {
    private Builder() {}

    public ProductCreateParams build() {
      return new ProductCreateParams(fields());
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
