package ma.hirfa.sdk.catalog;

import java.util.List;
import java.util.Map;
import ma.hirfa.sdk.core.PatchValue;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * A JSON merge patch of an artisan: fields left {@link PatchValue#absent()} keep their value,
 * {@link PatchValue#clear()} removes one (only {@code labels} and {@code payout_destination} can be
 * removed). With {@link Builder#ifMatch(String)} the patch applies only if the artisan is still at
 * that version; otherwise {@link ArtisanService#update} throws {@link
 * ma.hirfa.sdk.core.VersionConflictException} and changes nothing.
 *
 * <pre>{@code
 * ArtisanUpdateParams moved = ArtisanUpdateParams.builder().city("Fès").labels(PatchValue.clear()).build();
 * ArtisanUpdateParams ifUnchanged =
 *     ArtisanUpdateParams.builder().ifMatch(current.etag()).city("Fès").build();
 * }</pre>
 *
 * @param ifMatch the ETag the artisan must still have ({@link Artisan#etag()}), or null to patch
 *     whatever its version
 */
public record ArtisanUpdateParams(
    PatchValue<String> displayName,
    PatchValue<List<String>> crafts,
    PatchValue<String> city,
    PatchValue<List<String>> labels,
    PatchValue<PayoutAccount> payoutDestination,
    @Nullable String ifMatch) {

  public ArtisanUpdateParams {
    for (var required :
        List.of(
            Map.entry("display_name", displayName),
            Map.entry("crafts", crafts),
            Map.entry("city", city))) {
      if (required.getValue().isClear()) {
        throw new ValidationException(required.getKey(), "cannot be removed, only changed");
      }
    }
    if (ifMatch != null) {
      CatalogChecks.text("if_match", ifMatch, 200);
    }
    if (displayName.isPresent()) {
      CatalogChecks.text("display_name", displayName.value(), 200);
    }
    if (city.isPresent()) {
      CatalogChecks.text("city", city.value(), 100);
    }
    if (crafts.isPresent()) {
      List<String> list = crafts.value();
      if (list.isEmpty()) {
        throw new ValidationException("crafts", "must name at least one craft");
      }
      for (int i = 0; i < list.size(); i++) {
        CatalogChecks.code("crafts[" + i + "]", list.get(i));
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ArtisanUpdateParams}. */
  public static final class Builder {
    private PatchValue<String> displayName = PatchValue.absent();
    private PatchValue<List<String>> crafts = PatchValue.absent();
    private PatchValue<String> city = PatchValue.absent();
    private PatchValue<List<String>> labels = PatchValue.absent();
    private PatchValue<PayoutAccount> payoutDestination = PatchValue.absent();
    private @Nullable String ifMatch;

    private Builder() {}

    /**
     * Applies the patch only if the artisan is still at this version, its {@link Artisan#etag()}
     * when you read it.
     */
    public Builder ifMatch(String etag) {
      this.ifMatch = etag;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = PatchValue.of(displayName);
      return this;
    }

    public Builder crafts(List<String> crafts) {
      this.crafts = PatchValue.of(List.copyOf(crafts));
      return this;
    }

    public Builder city(String city) {
      this.city = PatchValue.of(city);
      return this;
    }

    public Builder labels(List<String> labels) {
      this.labels = PatchValue.of(List.copyOf(labels));
      return this;
    }

    /** {@code PatchValue.clear()} removes every label. */
    public Builder labels(PatchValue<List<String>> labels) {
      this.labels = labels;
      return this;
    }

    public Builder payoutDestination(PayoutAccount account) {
      this.payoutDestination = PatchValue.of(account);
      return this;
    }

    public ArtisanUpdateParams build() {
      return new ArtisanUpdateParams(displayName, crafts, city, labels, payoutDestination, ifMatch);
    }
  }

  /** The merge patch document itself: every field but {@code ifMatch}, which is a header. */
  Patch patch() {
    return new Patch(displayName, crafts, city, labels, payoutDestination);
  }

  /** The body of the {@code PATCH}. */
  record Patch(
      PatchValue<String> displayName,
      PatchValue<List<String>> crafts,
      PatchValue<String> city,
      PatchValue<List<String>> labels,
      PatchValue<PayoutAccount> payoutDestination) {}

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
