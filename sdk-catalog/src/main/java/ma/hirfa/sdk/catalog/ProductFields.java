package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * What a partner sets on a product (the contract's {@code ProductInput}): the fields of {@link
 * ProductCreateParams} (create, batch upsert by SKU) and of {@link ProductUpdateParams} (replace),
 * which share them and their checks. Checked when built: a bad field is a {@link
 * ValidationException} naming it, before anything is sent.
 *
 * <pre>{@code
 * ProductCreateParams kilim = ProductCreateParams.builder()
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
public record ProductFields(
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

  public ProductFields {
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

  /**
   * The setters of {@link ProductCreateParams.Builder} and {@link ProductUpdateParams.Builder},
   * written once; each builder's {@code build()} checks every field.
   *
   * @param <B> the builder's own type, returned by every setter
   */
  public abstract static sealed class Builder<B extends Builder<B>>
      permits ProductCreateParams.Builder, ProductUpdateParams.Builder {
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

    Builder() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** Your reference, unique in the catalog: 1 to 64 letters, digits, '.', '_' or '-'. */
    public B sku(String sku) {
      this.sku = sku;
      return self();
    }

    public B artisanId(String artisanId) {
      this.artisanId = artisanId;
      return self();
    }

    /** A craft code of the {@link Taxonomy}, like {@code kilim}. */
    public B craft(String craft) {
      this.craft = craft;
      return self();
    }

    /** Required; must have {@code ar} or {@code fr}. */
    public B title(LocalizedText title) {
      this.title = title;
      return self();
    }

    public B description(LocalizedText description) {
      this.description = description;
      return self();
    }

    /** In MAD, above zero. */
    public B price(Money price) {
      this.price = price;
      return self();
    }

    public B stock(int stock) {
      this.stock = stock;
      return self();
    }

    public B dimensionsCm(Product.Dimensions dimensions) {
      this.dimensionsCm = dimensions;
      return self();
    }

    public B weightG(int grams) {
      this.weightG = grams;
      return self();
    }

    public B materials(List<String> materials) {
      this.materials = List.copyOf(materials);
      return self();
    }

    public B technique(String technique) {
      this.technique = technique;
      return self();
    }

    /** The city or region of making. */
    public B origin(String origin) {
      this.origin = origin;
      return self();
    }

    /** Adds an image by its https URL. */
    public B image(String url) {
      return image(new Product.Image(url, null));
    }

    public B image(Product.Image image) {
      images.add(Objects.requireNonNull(image, "image == null"));
      return self();
    }

    /** The 6-digit Harmonized System code, like {@code 570110} for hand-knotted wool rugs. */
    public B hsCode(String hsCode) {
      this.hsCode = hsCode;
      return self();
    }

    /** Labels such as {@code morocco_handmade} or a collective mark. */
    public B labels(List<String> labels) {
      this.labels = List.copyOf(labels);
      return self();
    }

    public B vatRegime(VatRegime vatRegime) {
      this.vatRegime = vatRegime;
      return self();
    }

    /** Over 100 years old (its export needs a licence). */
    public B antique(boolean antique) {
      this.antique = antique;
      return self();
    }

    /** Sets every field {@code product} has; the product's VAT regime if it has one. */
    B copyOf(Product product) {
      CatalogChecks.required("product", product);
      sku(product.sku())
          .artisanId(product.artisanId())
          .craft(product.craft())
          .title(product.title())
          .price(product.price())
          .stock(product.stock())
          .materials(product.materials())
          .labels(product.labels())
          .antique(product.antique());
      product.images().forEach(this::image);
      this.description = product.description();
      this.dimensionsCm = product.dimensionsCm();
      this.weightG = product.weightG();
      this.technique = product.technique();
      this.origin = product.origin();
      this.hsCode = product.hsCode();
      this.vatRegime = product.vatRegime();
      return self();
    }

    /** The fields set so far, checked. */
    ProductFields fields() {
      return new ProductFields(
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
