package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * The reference data of the marketplace: categories → branches (filières) → crafts (métiers), each
 * with a code and localized labels. Served by the API, never hard-coded: {@link #sample()} is true
 * for the sandbox's illustrative sample.
 */
public record Taxonomy(String version, boolean sample, List<Category> categories) {
  public Taxonomy {
    categories = List.copyOf(categories);
  }

  /** The craft with this code, wherever it sits in the tree. */
  public Optional<Craft> craft(String code) {
    return crafts().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Every craft, in the tree's order. */
  public List<Craft> crafts() {
    List<Craft> out = new ArrayList<>();
    for (Category c : categories) {
      for (Branch b : c.branches()) {
        out.addAll(b.crafts());
      }
    }
    return out;
  }

  /** A category, like art and production crafts. */
  public record Category(String code, LocalizedText label, List<Branch> branches) {
    public Category {
      branches = List.copyOf(branches);
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** A branch (filière), like rugs and carpets. */
  public record Branch(String code, LocalizedText label, List<Craft> crafts) {
    public Branch {
      crafts = List.copyOf(crafts);
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** A craft (métier), like hand-knotted rugs. */
  public record Craft(String code, LocalizedText label) {
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
