package ma.hirfa.sdk.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalog: what the artisan sets ({@link ProductFields}) plus its id, status,
 * version and times. Prices are in MAD; show foreign buyers a {@link DisplayPrice} from an {@link
 * FxQuote}.
 *
 * @param stock units in stock
 * @param hsCode the 6-digit Harmonized System code for customs
 * @param vatRegimeAsString the VAT regime as the API sent it, or null when the product has none;
 *     {@link #vatRegime()} is its {@link VatRegime}
 * @param antique over 100 years old: its export needs a licence
 * @param statusAsString the status as sent; {@link #status()} is its {@link ProductStatus}
 * @param version increases on every change; {@link #etag()} is derived from it
 */
public record Product(
    String id,
    String sku,
    String artisanId,
    String craft,
    LocalizedText title,
    @Nullable LocalizedText description,
    Money price,
    int stock,
    @Nullable Dimensions dimensionsCm,
    @Nullable Integer weightG,
    List<String> materials,
    @Nullable String technique,
    @Nullable String origin,
    List<Image> images,
    @Nullable String hsCode,
    List<String> labels,
    @Nullable String vatRegimeAsString,
    boolean antique,
    String statusAsString,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The VAT regime, or null; {@link VatRegime#UNKNOWN} for a value newer than this SDK. */
  public @Nullable VatRegime vatRegime() {
    return vatRegimeAsString == null ? null : VatRegime.fromWire(vatRegimeAsString);
  }

  /** The status; {@link ProductStatus#UNKNOWN} for a value newer than this SDK. */
  public ProductStatus status() {
    return ProductStatus.fromWire(statusAsString);
  }

  /** The {@code If-Match} value of this version, {@code "<id>.<version>"}. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }

  /**
   * The title for a reader of {@code locale}, along the fallback chain requested → fr → ar → en.
   */
  public String title(Locale locale) {
    return title.resolve(locale);
  }

  /** Length, width and height in centimetres. */
  public record Dimensions(double length, double width, double height) {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** An image: an https URL and its alt text per language. */
  public record Image(String url, @Nullable LocalizedText alt) {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
