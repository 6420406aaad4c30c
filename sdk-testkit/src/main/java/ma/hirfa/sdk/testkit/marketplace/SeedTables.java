package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.testkit.server.Exchange;

/**
 * The sample catalog's tables, kept as resources beside this class rather than as literals: {@code
 * sample-taxonomy.json} (categories, branches, crafts and what their products look like) and {@code
 * sample-names.json} (regions, names, cooperatives, labels). Changing the sample is editing data,
 * not code.
 */
final class SeedTables {
  private SeedTables() {}

  /** The sample taxonomy. */
  record Taxonomy(
      String version,
      List<CatalogSeed.Category> categories,
      List<CatalogSeed.Branch> branches,
      List<CatalogSeed.Craft> crafts) {}

  /** Names and places for sample artisans; a region is its code and a city. */
  record Names(
      List<String[]> regions,
      List<String> firstNames,
      List<String> familyNames,
      List<String> cooperatives,
      List<String> labels) {}

  static Taxonomy taxonomy() {
    JsonNode t = read("sample-taxonomy.json");
    List<CatalogSeed.Category> categories = new ArrayList<>();
    t.path("categories")
        .forEach(c -> categories.add(new CatalogSeed.Category(c.path("code").asText(), text(c))));
    List<CatalogSeed.Branch> branches = new ArrayList<>();
    t.path("branches")
        .forEach(
            b ->
                branches.add(
                    new CatalogSeed.Branch(
                        b.path("code").asText(), b.path("category").asText(), text(b))));
    List<CatalogSeed.Craft> crafts = new ArrayList<>();
    t.path("crafts")
        .forEach(
            c ->
                crafts.add(
                    new CatalogSeed.Craft(
                        c.path("code").asText(),
                        c.path("branch").asText(),
                        text(c),
                        c.path("hs_code").asText(),
                        c.path("vat_regime").asText(),
                        strings(c.path("materials")),
                        c.path("technique").asText(),
                        strings(c.path("cities")),
                        c.path("min_price").asLong(),
                        c.path("max_price").asLong())));
    return new Taxonomy(
        t.path("version").asText(),
        List.copyOf(categories),
        List.copyOf(branches),
        List.copyOf(crafts));
  }

  static Names names() {
    JsonNode n = read("sample-names.json");
    List<String[]> regions = new ArrayList<>();
    n.path("regions")
        .forEach(r -> regions.add(new String[] {r.path("code").asText(), r.path("city").asText()}));
    return new Names(
        List.copyOf(regions),
        strings(n.path("first_names")),
        strings(n.path("family_names")),
        strings(n.path("cooperatives")),
        strings(n.path("labels")));
  }

  private static Map<String, String> text(JsonNode owner) {
    Map<String, String> label = new LinkedHashMap<>();
    owner.path("label").properties().forEach(e -> label.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(label);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static JsonNode read(String name) {
    try (InputStream in = SeedTables.class.getResourceAsStream(name)) {
      return Exchange.JSON.readTree(Objects.requireNonNull(in, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
