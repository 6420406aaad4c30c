package ma.hirfa.sdk.testkit;

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
 * MarketplaceApi}). Their ids carry the index: {@code prd_S0000A1}, {@code art_S00002Z}.
 */
final class CatalogSeed {
  static final String TAXONOMY_VERSION = "sample-2026-11-01";
  static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");
  static final String SEED_PRODUCT_PREFIX = "prd_S";
  static final String SEED_ARTISAN_PREFIX = "art_S";
  static final String SEED_SKU_PREFIX = "SAMPLE-";

  /** One craft of the sample taxonomy and what its products look like. */
  record Craft(
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

  record Branch(String code, String category, Map<String, String> label) {}

  record Category(String code, Map<String, String> label) {}

  static final List<Category> CATEGORIES =
      List.of(
          new Category(
              "art_production",
              text(
                  "حرف الفن والإنتاج",
                  "Artisanat d'art et de production",
                  "Art and production crafts",
                  "Artesanía artística y de producción")),
          new Category(
              "services",
              text(
                  "حرف الخدمات",
                  "Artisanat de services",
                  "Service crafts",
                  "Artesanía de servicios")));

  static final List<Branch> BRANCHES =
      List.of(
          new Branch(
              "rugs_carpets",
              "art_production",
              withZgh(text("الزرابي", "Tapis", "Rugs and carpets", "Alfombras"), "ⵜⵉⵣⵔⴱⵉⵢⵉⵏ")),
          new Branch(
              "pottery_stone",
              "art_production",
              text(
                  "الفخار والحجر", "Poterie et pierre", "Pottery and stone", "Alfarería y piedra")),
          new Branch(
              "zellige",
              "art_production",
              text("الزليج", "Zellige", "Zellige tilework", "Zellige")),
          new Branch(
              "leather",
              "art_production",
              text("الجلد", "Maroquinerie", "Leather goods", "Marroquinería")),
          new Branch("wood", "art_production", text("الخشب", "Bois", "Wood", "Madera")),
          new Branch(
              "basketry", "art_production", text("السلالة", "Vannerie", "Basketry", "Cestería")),
          new Branch(
              "jewellery", "art_production", text("الحلي", "Bijouterie", "Jewellery", "Joyería")),
          new Branch(
              "brass_copper",
              "art_production",
              text("النحاسيات", "Dinanderie", "Brass and copperware", "Latón y cobre")),
          new Branch(
              "wrought_iron",
              "art_production",
              text("الحديد المطروق", "Ferronnerie", "Wrought iron", "Hierro forjado")),
          new Branch(
              "clothing",
              "art_production",
              text(
                  "اللباس التقليدي",
                  "Habillement traditionnel",
                  "Traditional clothing",
                  "Ropa tradicional")),
          new Branch("weaving", "art_production", text("النسيج", "Tissage", "Weaving", "Tejido")),
          new Branch(
              "restoration",
              "services",
              text("الترميم", "Restauration", "Restoration", "Restauración")));

  static final List<Craft> CRAFTS =
      List.of(
          new Craft(
              "knotted_rug",
              "rugs_carpets",
              withZgh(
                  text(
                      "زربية معقودة",
                      "Tapis noué main",
                      "Hand-knotted rug",
                      "Alfombra anudada a mano"),
                  "ⵜⴰⵣⵔⴱⵉⵜ"),
              "570110",
              "exempt_carpet",
              List.of("laine", "coton"),
              "nouage berbère",
              List.of("Azilal", "Khénifra", "Rabat", "Boujaad"),
              120_000,
              2_500_000),
          new Craft(
              "kilim",
              "rugs_carpets",
              text("حنبل منسوج", "Kilim tissé", "Flat-woven kilim", "Kilim tejido"),
              "570210",
              "exempt_carpet",
              List.of("laine"),
              "tissage à plat",
              List.of("Taznakht", "Khémisset"),
              60_000,
              900_000),
          new Craft(
              "tagine_pottery",
              "pottery_stone",
              text("طاجين فخاري", "Tajine en terre cuite", "Clay tagine", "Tajín de barro"),
              "691200",
              "standard_20",
              List.of("argile"),
              "tournage et émaillage",
              List.of("Safi", "Salé"),
              8_000,
              60_000),
          new Craft(
              "decorative_ceramics",
              "pottery_stone",
              text(
                  "خزف مزخرف", "Céramique décorative", "Decorative ceramic", "Cerámica decorativa"),
              "691390",
              "standard_20",
              List.of("argile", "émail"),
              "peinture au pinceau",
              List.of("Fès", "Safi"),
              15_000,
              250_000),
          new Craft(
              "zellige",
              "zellige",
              text("زليج", "Panneau de zellige", "Zellige tile panel", "Panel de zellige"),
              "690730",
              "standard_20",
              List.of("terre cuite émaillée"),
              "taille au marteau",
              List.of("Fès", "Tétouan"),
              40_000,
              800_000),
          new Craft(
              "leather_bag",
              "leather",
              text(
                  "حقيبة جلدية",
                  "Sac en cuir tanné végétal",
                  "Vegetable-tanned leather bag",
                  "Bolso de cuero curtido vegetal"),
              "420221",
              "standard_20",
              List.of("cuir de chèvre"),
              "tannage végétal",
              List.of("Fès", "Marrakech"),
              30_000,
              300_000),
          new Craft(
              "babouches",
              "leather",
              text("بلغة", "Babouches en cuir", "Leather babouches", "Babuchas de cuero"),
              "640399",
              "standard_20",
              List.of("cuir"),
              "couture main",
              List.of("Fès", "Marrakech"),
              15_000,
              60_000),
          new Craft(
              "thuya_marquetry",
              "wood",
              text(
                  "علبة من خشب العرعار",
                  "Coffret en thuya marqueté",
                  "Thuya marquetry box",
                  "Caja de taracea de tuya"),
              "442090",
              "standard_20",
              List.of("thuya", "citronnier"),
              "marqueterie",
              List.of("Essaouira"),
              12_000,
              180_000),
          new Craft(
              "basketry",
              "basketry",
              text("سلة من الدوم", "Panier en doum", "Doum palm basket", "Cesta de palmito"),
              "460219",
              "standard_20",
              List.of("doum"),
              "tressage",
              List.of("Salé", "Marrakech"),
              5_000,
              40_000),
          new Craft(
              "silver_jewellery",
              "jewellery",
              text("حلي فضية", "Bracelet en argent", "Silver bracelet", "Pulsera de plata"),
              "711311",
              "standard_20",
              List.of("argent"),
              "filigrane",
              List.of("Tiznit", "Essaouira"),
              25_000,
              400_000),
          new Craft(
              "brass_lantern",
              "brass_copper",
              text(
                  "فانوس نحاسي",
                  "Lanterne en laiton ciselé",
                  "Chiselled brass lantern",
                  "Farol de latón cincelado"),
              "940550",
              "standard_20",
              List.of("laiton", "verre"),
              "ciselure",
              List.of("Marrakech", "Fès"),
              20_000,
              350_000),
          new Craft(
              "copper_tray",
              "brass_copper",
              text("صينية نحاسية", "Plateau en cuivre", "Copper tray", "Bandeja de cobre"),
              "741810",
              "standard_20",
              List.of("cuivre"),
              "martelage",
              List.of("Fès"),
              18_000,
              200_000),
          new Craft(
              "wrought_iron",
              "wrought_iron",
              text(
                  "مرآة من الحديد المطروق",
                  "Miroir en fer forgé",
                  "Wrought-iron mirror",
                  "Espejo de hierro forjado"),
              "732690",
              "standard_20",
              List.of("fer"),
              "forge",
              List.of("Marrakech", "Meknès"),
              25_000,
              220_000),
          new Craft(
              "caftan",
              "clothing",
              text("قفطان مطرز", "Caftan brodé", "Embroidered caftan", "Caftán bordado"),
              "620449",
              "standard_20",
              List.of("soie", "sfifa"),
              "broderie main",
              List.of("Fès", "Rabat", "Tétouan"),
              150_000,
              1_800_000),
          new Craft(
              "jellaba",
              "clothing",
              text("جلابة", "Djellaba en laine", "Wool djellaba", "Chilaba de lana"),
              "621149",
              "standard_20",
              List.of("laine"),
              "couture main",
              List.of("Ouezzane", "Fès"),
              60_000,
              400_000),
          new Craft(
              "hanbel_blanket",
              "weaving",
              text("بطانية منسوجة", "Couverture hanbel", "Hanbel blanket", "Manta hanbel"),
              "630140",
              "standard_20",
              List.of("laine", "coton"),
              "tissage",
              List.of("Khémisset", "Ouarzazate"),
              40_000,
              300_000),
          new Craft(
              "carpet_restoration",
              "restoration",
              text(
                  "ترميم الزرابي",
                  "Restauration de tapis",
                  "Rug restoration",
                  "Restauración de alfombras"),
              "999999",
              "standard_20",
              List.of(),
              "",
              List.of("Rabat"),
              0,
              0));

  /** Crafts that make products (services do not). */
  static final List<Craft> PRODUCT_CRAFTS = CRAFTS.stream().filter(c -> c.maxPrice() > 0).toList();

  /** Morocco's 12 regions (2015 division) and a city in each used by the sample. */
  static final List<String[]> REGIONS =
      List.of(
          new String[] {"tanger_tetouan_al_hoceima", "Tétouan"},
          new String[] {"oriental", "Oujda"},
          new String[] {"fes_meknes", "Fès"},
          new String[] {"rabat_sale_kenitra", "Salé"},
          new String[] {"beni_mellal_khenifra", "Khénifra"},
          new String[] {"casablanca_settat", "Casablanca"},
          new String[] {"marrakech_safi", "Marrakech"},
          new String[] {"draa_tafilalet", "Ouarzazate"},
          new String[] {"souss_massa", "Tiznit"},
          new String[] {"guelmim_oued_noun", "Guelmim"},
          new String[] {"laayoune_sakia_el_hamra", "Laâyoune"},
          new String[] {"dakhla_oued_ed_dahab", "Dakhla"});

  private static final String[] FIRST_NAMES = {
    "Fatima",
    "Mohamed",
    "Khadija",
    "Youssef",
    "Aicha",
    "Hassan",
    "Zineb",
    "Omar",
    "Naima",
    "Rachid",
    "Malika",
    "Abdellah",
    "Hafsa",
    "Brahim",
    "Itto",
    "Lahcen"
  };
  private static final String[] FAMILY_NAMES = {
    "Benali",
    "El Idrissi",
    "Amrani",
    "Ouhammou",
    "Bennani",
    "Tazi",
    "Alaoui",
    "Aït Lahcen",
    "Berrada",
    "Fassi",
    "Chraibi",
    "Ouali"
  };
  private static final String[] COOPERATIVES = {
    "Coopérative Tifawin",
    "Coopérative Al Amal",
    "Coopérative Tamount",
    "Coopérative Nour",
    "Coopérative Aït Bouguemez",
    "Coopérative Tiwizi"
  };
  private static final String[] LABELS = {
    "morocco_handmade",
    "tapis_rbati",
    "tapis_boujaad",
    "zellige_tetouan",
    "babouche_marocaine",
    "caftan_marocain"
  };

  private final long seed;
  private final int products;
  private final int artisans;

  CatalogSeed(long seed, int products) {
    this.seed = seed;
    this.products = products;
    this.artisans = products == 0 ? 0 : Math.max(20, products / 50);
  }

  int productCount() {
    return products;
  }

  int artisanCount() {
    return artisans;
  }

  static @Nullable Craft craft(String code) {
    for (Craft c : CRAFTS) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    return null;
  }

  /** The index of a seeded id with this prefix, or -1 when it is not a seeded id. */
  static int index(String id, String prefix, int count) {
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

  static String seededId(String prefix, int index) {
    String digits = Integer.toString(index, 36).toUpperCase(Locale.ROOT);
    return prefix + "000000".substring(digits.length()) + digits;
  }

  static int skuIndex(String sku, int count) {
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

  MarketplaceApi.Artisan artisan(int index) {
    SplittableRandom r = new SplittableRandom(seed * 31 + index * 0x9E3779B97F4A7C15L);
    Craft craft = PRODUCT_CRAFTS.get(index % PRODUCT_CRAFTS.size());
    String[] region = REGIONS.get(r.nextInt(REGIONS.size()));
    int kind = index % 10;
    String status =
        kind == 0 ? "cooperative" : kind == 1 ? "enterprise" : kind < 5 ? "maalem" : "artisan";
    String name =
        kind == 0
            ? COOPERATIVES[r.nextInt(COOPERATIVES.length)] + " " + (index + 1)
            : FIRST_NAMES[r.nextInt(FIRST_NAMES.length)]
                + " "
                + FAMILY_NAMES[r.nextInt(FAMILY_NAMES.length)];
    String ice = kind <= 1 ? ice(1_000_000_000L + index * 7919L % 8_999_999_999L) : null;
    Instant created = EPOCH.plusSeconds(index * 60L);
    return new MarketplaceApi.Artisan(
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

  MarketplaceApi.Product product(int index) {
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
    List<MarketplaceApi.Image> images = new ArrayList<>(2);
    for (int i = 1; i <= 1 + index % 2; i++) {
      images.add(
          new MarketplaceApi.Image(
              "https://images.sandbox.hirfa.ma/sample/" + id + "/" + i + ".jpg",
              Map.of("fr", craft.label().get("fr") + ", vue " + i)));
    }
    List<String> labels =
        index % 4 == 0
            ? List.of("morocco_handmade")
            : index % 9 == 0 ? List.of(LABELS[index % LABELS.length]) : List.of();
    Instant created = EPOCH.plusSeconds(index * 7L);
    return new MarketplaceApi.Product(
        id,
        SEED_SKU_PREFIX + String.format(Locale.ROOT, "%08d", index),
        seededId(SEED_ARTISAN_PREFIX, artisan),
        craft.code(),
        title,
        description,
        price,
        r.nextInt(40),
        new MarketplaceApi.Dims(20 + r.nextInt(200), 10 + r.nextInt(150), 1 + r.nextInt(60)),
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
  static String ice(long thirteenDigits) {
    long base = thirteenDigits % 10_000_000_000_000L;
    long key = (97 - (base * 100) % 97) % 97;
    return String.format(Locale.ROOT, "%013d%02d", base, key);
  }

  private static Map<String, String> text(String ar, String fr, String en, String es) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ar", ar);
    m.put("fr", fr);
    m.put("en", en);
    m.put("es", es);
    return m;
  }

  private static Map<String, String> withZgh(Map<String, String> text, String zgh) {
    text.put("zgh", zgh);
    return text;
  }
}
