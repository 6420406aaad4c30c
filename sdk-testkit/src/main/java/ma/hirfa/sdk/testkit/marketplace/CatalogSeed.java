package ma.hirfa.sdk.testkit.marketplace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's sample catalog, generated deterministically from a seed. <b>Sample data</b>: the
 * official list of the register's 13 branches and 172 crafts is not public, so the taxonomy below
 * is an illustrative sample built from well-documented craft families, and every artisan and
 * product is invented.
 *
 * <p>Seeded artisans and products are not stored: they are computed from their index whenever they
 * are read, so a catalog of millions costs no heap. Only changes are stored (by {@link
 * ProductStore} and {@link ArtisanRegistry}). Their ids carry the index: {@code prd_S0000A1},
 * {@code art_S00002Z}.
 */
public final class CatalogSeed {
  public static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");
  public static final String SEED_PRODUCT_PREFIX = "prd_S";
  public static final String SEED_ARTISAN_PREFIX = "art_S";
  public static final String SEED_SKU_PREFIX = "SAMPLE-";

  /** One craft of the sample taxonomy and what its products look like. */
  public record Craft(
      String code,
      String branch,
      Map<String, String> label,
      String hsCode,
      String vatRegime,
      List<String> materials,
      String technique,
      List<String> cities,
      long minPrice,
      long maxPrice) {}

  /** A branch of the taxonomy. */
  public record Branch(String code, String category, Map<String, String> label) {}

  /** A category of the taxonomy. */
  public record Category(String code, Map<String, String> label) {}

  /** The sample taxonomy, read from {@code sample-taxonomy.json} beside this class. */
  static final SeedTables.Taxonomy TAXONOMY = SeedTables.taxonomy();

  /** Sample names and places, read from {@code sample-names.json} beside this class. */
  private static final SeedTables.Names NAMES = SeedTables.names();

  static final List<Category> CATEGORIES = TAXONOMY.categories();
  static final List<Branch> BRANCHES = TAXONOMY.branches();
  static final List<Craft> CRAFTS = TAXONOMY.crafts();
  static final List<Craft> PRODUCT_CRAFTS = CRAFTS.stream().filter(c -> c.maxPrice() > 0).toList();

  /**
   * The contract's example artisan ({@code art_7QK2M9} in {@code docs/openapi}): it exists in every
   * sandbox, so the documents' examples and the guides' snippets work as written.
   */
  public static final String EXAMPLE_ARTISAN_ID = "art_7QK2M9";

  private final long seed;
  private final int products;
  private final int artisans;

  public CatalogSeed(long seed, int products) {
    this.seed = seed;
    this.products = products;
    this.artisans = products == 0 ? 0 : Math.max(20, products / 50);
  }

  public int productCount() {
    return products;
  }

  public int artisanCount() {
    return artisans;
  }

  public static @Nullable Craft craft(String code) {
    for (Craft c : CRAFTS) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    return null;
  }

  /** The index of a seeded id with this prefix, or -1 when it is not a seeded id. */
  public static int index(String id, String prefix, int count) {
    if (!id.startsWith(prefix) || id.length() != prefix.length() + 6) {
      return -1;
    }
    try {
      int i = Integer.parseInt(id.substring(prefix.length()), 36);
      return i < count ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static String seededId(String prefix, int index) {
    String digits = Integer.toString(index, 36).toUpperCase(Locale.ROOT);
    return prefix + "000000".substring(digits.length()) + digits;
  }

  public static int skuIndex(String sku, int count) {
    if (!sku.startsWith(SEED_SKU_PREFIX) || sku.length() != SEED_SKU_PREFIX.length() + 8) {
      return -1;
    }
    for (int i = SEED_SKU_PREFIX.length(); i < sku.length(); i++) {
      if (sku.charAt(i) < '0' || sku.charAt(i) > '9') {
        return -1;
      }
    }
    int i = Integer.parseInt(sku.substring(SEED_SKU_PREFIX.length()));
    return i < count ? i : -1;
  }

  public Artisan artisan(int index) {
    SplittableRandom r = new SplittableRandom(seed * 31 + index * 0x9E3779B97F4A7C15L);
    Craft craft = PRODUCT_CRAFTS.get(index % PRODUCT_CRAFTS.size());
    String[] region = NAMES.regions().get(r.nextInt(NAMES.regions().size()));
    int kind = index % 10;
    String status =
        kind == 0 ? "cooperative" : kind == 1 ? "enterprise" : kind < 5 ? "maalem" : "artisan";
    String name =
        kind == 0
            ? NAMES.cooperatives().get(r.nextInt(NAMES.cooperatives().size())) + " " + (index + 1)
            : NAMES.firstNames().get(r.nextInt(NAMES.firstNames().size()))
                + " "
                + NAMES.familyNames().get(r.nextInt(NAMES.familyNames().size()));
    String ice = kind <= 1 ? ice(1_000_000_000L + index * 7919L % 8_999_999_999L) : null;
    Instant created = EPOCH.plusSeconds(index * 60L);
    return new Artisan(
        seededId(SEED_ARTISAN_PREFIX, index),
        "NIA-SAMPLE-" + (100_000 + index),
        name,
        status,
        List.of(craft.code()),
        region[0],
        craft.cities().get(index % craft.cities().size()),
        ice,
        "rib",
        String.format(Locale.ROOT, "%04d", r.nextInt(10_000)),
        "verified",
        index % 3 == 0 ? List.of("morocco_handmade") : List.of(),
        1,
        created,
        created);
  }

  public Product product(int index) {
    SplittableRandom r = new SplittableRandom(seed * 131 + index * 0xBF58476D1CE4E5B9L);
    int artisan = index % artisans;
    Craft craft = PRODUCT_CRAFTS.get(artisan % PRODUCT_CRAFTS.size());
    String id = seededId(SEED_PRODUCT_PREFIX, index);
    int n = index + 1;
    Map<String, String> title = new LinkedHashMap<>();
    craft.label().forEach((lang, label) -> title.put(lang, label + " " + n));
    String city = craft.cities().get(r.nextInt(craft.cities().size()));
    Map<String, String> description = new LinkedHashMap<>();
    description.put("ar", "قطعة مصنوعة يدويا. بيانات نموذجية من بيئة الاختبار.");
    description.put("fr", "Pièce faite main à " + city + ". Données d'exemple du bac à sable.");
    description.put("en", "Handmade in " + city + ". Sample data from the sandbox.");
    long span = craft.maxPrice() - craft.minPrice();
    long price = (craft.minPrice() + (long) (r.nextDouble() * span)) / 100 * 100;
    List<Product.Image> images = new ArrayList<>(2);
    for (int i = 1; i <= 1 + index % 2; i++) {
      images.add(
          new Product.Image(
              "https://images.sandbox.hirfa.ma/sample/" + id + "/" + i + ".jpg",
              Map.of("fr", craft.label().get("fr") + ", vue " + i)));
    }
    List<String> labels =
        index % 4 == 0
            ? List.of("morocco_handmade")
            : index % 9 == 0
                ? List.of(NAMES.labels().get(index % NAMES.labels().size()))
                : List.of();
    Instant created = EPOCH.plusSeconds(index * 7L);
    return new Product(
        id,
        SEED_SKU_PREFIX + String.format(Locale.ROOT, "%08d", index),
        seededId(SEED_ARTISAN_PREFIX, artisan),
        craft.code(),
        title,
        description,
        price,
        r.nextInt(40),
        new Product.Dims(20 + r.nextInt(200), 10 + r.nextInt(150), 1 + r.nextInt(60)),
        100 + r.nextInt(20_000),
        craft.materials(),
        craft.technique(),
        city,
        images,
        craft.hsCode(),
        labels,
        craft.vatRegime(),
        index % 997 == 996,
        index % 50 == 49 ? "draft" : "active",
        1,
        created,
        created);
  }

  /** A valid 15-digit ICE: 13 digits and a 2-digit key making the whole number 0 mod 97. */
  public static String ice(long thirteenDigits) {
    long base = thirteenDigits % 10_000_000_000_000L;
    long key = (97 - (base * 100) % 97) % 97;
    return String.format(Locale.ROOT, "%013d%02d", base, key);
  }

  /** Whether {@code code} is one of Morocco's 12 region codes. */
  static boolean isRegion(String code) {
    return NAMES.regions().stream().anyMatch(r -> r[0].equals(code));
  }

  /** The contract's example artisan, {@link #EXAMPLE_ARTISAN_ID}: a verified rug weaver. */
  Artisan exampleArtisan() {
    return new Artisan(
        EXAMPLE_ARTISAN_ID,
        "NIA-SAMPLE-000000",
        "Coopérative Exemple",
        "cooperative",
        List.of("knotted_rug"),
        "beni_mellal_khenifra",
        "Azilal",
        ice(1_000_000_000L),
        "rib",
        "0000",
        "verified",
        List.of("morocco_handmade"),
        1,
        EPOCH,
        EPOCH);
  }
}
