package ma.hirfa.sdk.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import ma.hirfa.sdk.testkit.marketplace.Product;
import ma.hirfa.sdk.testkit.marketplace.ProductStore;

/**
 * What the sandbox's catalog holds right now, so a test can check an import or a sync against it:
 * the product count and an order-independent content checksum.
 *
 * <pre>{@code
 * long expected = sandbox.catalog().checksum();
 * long actual = 0;
 * for (Product p : imported) {
 *   actual += CatalogView.digest(p.id(), p.version(), p.sku(), p.statusAsString(),
 *       p.price().amountMinor(), p.stock(), p.title().asMap());
 * }
 * assertThat(actual).isEqualTo(expected);
 * }</pre>
 */
public final class CatalogView {
  private final ProductStore api;

  CatalogView(ProductStore api) {
    this.api = api;
  }

  /** How many products the catalog holds (deleted ones excluded, archived ones included). */
  public int productCount() {
    return api.productCount();
  }

  /** The sum (mod 2^64) of {@link #digest} over every product; reads products one at a time. */
  public long checksum() {
    long[] sum = {0};
    api.forEachProduct(
        p ->
            sum[0] +=
                digest(p.id(), p.version(), p.sku(), p.status(), p.price(), p.stock(), p.title()));
    return sum[0];
  }

  /**
   * Every live product by id, with its {@link #digest(String, long, String, String, long, int, Map,
   * Map) digest} (version and content, the description included): for tests that compare a copy
   * with the catalog product by product.
   */
  public Map<String, Long> contents() {
    Map<String, Long> out = new HashMap<>();
    api.forEachProduct(
        p ->
            out.put(
                p.id(),
                digest(
                    p.id(),
                    p.version(),
                    p.sku(),
                    p.status(),
                    p.price(),
                    p.stock(),
                    p.title(),
                    p.description())));
    return out;
  }

  /** The version the catalog holds for a product, or -1 when it does not exist (or was deleted). */
  public long version(String productId) {
    Product p = api.find(productId);
    return p == null ? -1 : p.version();
  }

  /**
   * A 64-bit digest of a product's identity and main content: the first 8 bytes of SHA-256 over its
   * id, version, SKU, status, price, stock and title (languages sorted).
   */
  public static long digest(
      String id,
      long version,
      String sku,
      String status,
      long priceMinor,
      int stock,
      Map<String, String> title) {
    StringBuilder s =
        new StringBuilder(128)
            .append(id)
            .append('\n')
            .append(version)
            .append('\n')
            .append(sku)
            .append('\n')
            .append(status)
            .append('\n')
            .append(priceMinor)
            .append('\n')
            .append(stock);
    new TreeMap<>(title).forEach((k, v) -> s.append('\n').append(k).append('=').append(v));
    return sha(s);
  }

  /** {@link #digest(String, long, String, String, long, int, Map)} plus the description. */
  public static long digest(
      String id,
      long version,
      String sku,
      String status,
      long priceMinor,
      int stock,
      Map<String, String> title,
      Map<String, String> description) {
    StringBuilder s =
        new StringBuilder()
            .append(digest(id, version, sku, status, priceMinor, stock, title))
            .append("\ndescription");
    new TreeMap<>(description).forEach((k, v) -> s.append('\n').append(k).append('=').append(v));
    return sha(s);
  }

  private static long sha(CharSequence s) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
