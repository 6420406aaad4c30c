package ma.hirfa.sdk.testkit.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A product as the catalog holds it (immutable: a change stores a new one). Adding a field means
 * this record, {@code ProductInput} (reading it), {@link ProductJson} (writing it) and {@link
 * CatalogSeed} (sample values).
 */
public record Product(
    String id,
    String sku,
    String artisanId,
    String craft,
    Map<String, String> title,
    Map<String, String> description,
    long price,
    int stock,
    @Nullable Dims dimensions,
    @Nullable Integer weightG,
    List<String> materials,
    @Nullable String technique,
    @Nullable String origin,
    List<Image> images,
    @Nullable String hsCode,
    List<String> labels,
    @Nullable String vatRegime,
    boolean antique,
    String status,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** An image and its alternative texts. */
  public record Image(String url, Map<String, String> alt) {}

  /** Length, width and height in centimetres. */
  public record Dims(double length, double width, double height) {}

  /** This product with another status, stock, version and update time. */
  public Product with(String status, int stock, long version, Instant updatedAt) {
    return new Product(
        id,
        sku,
        artisanId,
        craft,
        title,
        description,
        price,
        stock,
        dimensions,
        weightG,
        materials,
        technique,
        origin,
        images,
        hsCode,
        labels,
        vatRegime,
        antique,
        status,
        version,
        createdAt,
        updatedAt);
  }

  /** {@code input}'s content (everything a PUT can set) under this id, status and version. */
  public static Product stored(
      Product input, String id, String status, long version, Instant created, Instant now) {
    return new Product(
        id,
        input.sku,
        input.artisanId,
        input.craft,
        input.title,
        input.description,
        input.price,
        input.stock,
        input.dimensions,
        input.weightG,
        input.materials,
        input.technique,
        input.origin,
        input.images,
        input.hsCode,
        input.labels,
        input.vatRegime,
        input.antique,
        status,
        version,
        created,
        now);
  }

  /** The same content (everything a PUT can set), ignoring id, status, version and times. */
  public boolean sameContent(Product o) {
    return sku.equals(o.sku)
        && artisanId.equals(o.artisanId)
        && craft.equals(o.craft)
        && title.equals(o.title)
        && description.equals(o.description)
        && price == o.price
        && stock == o.stock
        && Objects.equals(dimensions, o.dimensions)
        && Objects.equals(weightG, o.weightG)
        && materials.equals(o.materials)
        && Objects.equals(technique, o.technique)
        && Objects.equals(origin, o.origin)
        && images.equals(o.images)
        && Objects.equals(hsCode, o.hsCode)
        && labels.equals(o.labels)
        && Objects.equals(vatRegime, o.vatRegime)
        && antique == o.antique;
  }

  /** {@code "<id>.<version>"}. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }
}
