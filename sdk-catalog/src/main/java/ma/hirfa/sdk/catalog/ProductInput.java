package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What a partner sets on a product, to create it, replace it or upsert it by SKU. Checked when
 * built: a bad field is a {@link ValidationException} naming it, before anything is sent.
 *
 * <pre>{@code
 * ProductInput kilim = ProductInput.builder()
 *     .sku("TIF-KLM-0042")
 *     .artisanId("art_S000001")
 *     .craft("kilim")
 *     .title(LocalizedText.builder().put("ar", "حنبل").put("fr", "Kilim bleu de Taznakht").build())
 *     .price(Money.parse("1800.00", "MAD"))
 *     .stock(3)
 *     .hsCode("570210")
 *     .image("https://cdn.example.com/kilim-0042.jpg")
 *     .build();
 * }</pre>
 */
public record ProductInput(
    String sku,
    String artisanId,
    String craft,
    LocalizedText title,
    @Nullable LocalizedText description,
    Money price,
    @Nullable Integer stock,
    Product.@Nullable Dimensions dimensionsCm,
    @Nullable Integer weightG,
    List<String> materials,
    @Nullable String technique,
    @Nullable String origin,
    List<Product.Image> images,
    @Nullable String hsCode,
    List<String> labels,
    @Nullable VatRegime vatRegime,
    @Nullable Boolean antique) {
  static final int MAX_IMAGES = 20;

  public ProductInput {
    CatalogChecks.sku("sku", sku);
    CatalogChecks.id("artisan_id", "art", artisanId);
    CatalogChecks.code("craft", craft);
    CatalogChecks.arOrFr("title", title);
    if (description != null) {
      CatalogChecks.arOrFr("description", description);
    }
    Objects.requireNonNull(price, "price");
    if (!price.currencyCode().equals("MAD")) {
      throw new ValidationException(
          "price.currency", "must be MAD (show other currencies with an FX quote)");
    }
    if (!price.isPositive()) {
      throw new ValidationException("price.amount_minor", "must be positive");
    }
    if (stock != null) {
      CatalogChecks.notNegative("stock", stock);
    }
    if (weightG != null) {
      CatalogChecks.notNegative("weight_g", weightG);
    }
    if (hsCode != null) {
      CatalogChecks.hsCode("hs_code", hsCode);
    }
    if (vatRegime == VatRegime.UNKNOWN) {
      throw new ValidationException("vat_regime", "UNKNOWN is not a value to send");
    }
    materials = List.copyOf(materials);
    labels = List.copyOf(labels);
    images = List.copyOf(images);
    if (images.size() > MAX_IMAGES) {
      throw new ValidationException("images", "at most " + MAX_IMAGES + " images");
    }
    for (int i = 0; i < images.size(); i++) {
      Product.Image image = images.get(i);
      CatalogChecks.httpsUrl("images[" + i + "].url", image.url());
      if (image.alt() != null) {
        CatalogChecks.arOrFr("images[" + i + "].alt", image.alt());
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProductInput}; {@link #build()} checks every field. */
  public static final class Builder {
    private @Nullable String sku;
    private @Nullable String artisanId;
    private @Nullable String craft;
    private @Nullable LocalizedText title;
    private @Nullable LocalizedText description;
    private @Nullable Money price;
    private @Nullable Integer stock;
    private Product.@Nullable Dimensions dimensionsCm;
    private @Nullable Integer weightG;
    private List<String> materials = List.of();
    private @Nullable String technique;
    private @Nullable String origin;
    private final List<Product.Image> images = new ArrayList<>();
    private @Nullable String hsCode;
    private List<String> labels = List.of();
    private @Nullable VatRegime vatRegime;
    private @Nullable Boolean antique;

    private Builder() {}

    /** Your reference, unique in the catalog: 1 to 64 letters, digits, '.', '_' or '-'. */
    public Builder sku(String sku) {
      this.sku = sku;
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

    /** Required; must have {@code ar} or {@code fr}. */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    public Builder description(LocalizedText description) {
      this.description = description;
      return this;
    }

    /** In MAD, above zero. */
    public Builder price(Money price) {
      this.price = price;
      return this;
    }

    public Builder stock(int stock) {
      this.stock = stock;
      return this;
    }

    public Builder dimensionsCm(Product.Dimensions dimensions) {
      this.dimensionsCm = dimensions;
      return this;
    }

    public Builder weightG(int grams) {
      this.weightG = grams;
      return this;
    }

    public Builder materials(List<String> materials) {
      this.materials = List.copyOf(materials);
      return this;
    }

    public Builder technique(String technique) {
      this.technique = technique;
      return this;
    }

    /** The city or region of making. */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /** Adds an image by its https URL. */
    public Builder image(String url) {
      return image(new Product.Image(url, null));
    }

    public Builder image(Product.Image image) {
      images.add(Objects.requireNonNull(image, "image == null"));
      return this;
    }

    /** The 6-digit Harmonized System code, like {@code 570110} for hand-knotted wool rugs. */
    public Builder hsCode(String hsCode) {
      this.hsCode = hsCode;
      return this;
    }

    /** Labels such as {@code morocco_handmade} or a collective mark. */
    public Builder labels(List<String> labels) {
      this.labels = List.copyOf(labels);
      return this;
    }

    public Builder vatRegime(VatRegime vatRegime) {
      this.vatRegime = vatRegime;
      return this;
    }

    /** Over 100 years old (its export needs a licence). */
    public Builder antique(boolean antique) {
      this.antique = antique;
      return this;
    }

    public ProductInput build() {
      return new ProductInput(
          CatalogChecks.required("sku", sku),
          CatalogChecks.required("artisan_id", artisanId),
          CatalogChecks.required("craft", craft),
          CatalogChecks.required("title", title),
          description,
          CatalogChecks.required("price", price),
          stock,
          dimensionsCm,
          weightG,
          materials,
          technique,
          origin,
          images,
          hsCode,
          labels,
          vatRegime,
          antique);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
