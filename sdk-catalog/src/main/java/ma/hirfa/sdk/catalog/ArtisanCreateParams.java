package ma.hirfa.sdk.catalog;

import java.util.List;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import ma.hirfa.sdk.core.validation.Ice;
import org.jspecify.annotations.Nullable;

/**
 * An artisan to onboard. Cooperatives and enterprises must give their ICE (checked mod 97 when
 * built); a payout account is checked too.
 *
 * <pre>{@code
 * ArtisanCreateParams coop = ArtisanCreateParams.builder()
 *     .nia("NIA-2026-0042")
 *     .displayName("Coopérative Tifawin")
 *     .status(ArtisanStatus.COOPERATIVE)
 *     .crafts(List.of("knotted_rug"))
 *     .region("beni_mellal_khenifra")
 *     .city("Azilal")
 *     .ice("001561191000066")
 *     .payoutDestination(PayoutAccount.rib("011519000001205000534921"))
 *     .build();
 * }</pre>
 */
public record ArtisanCreateParams(
    String nia,
    String displayName,
    ArtisanStatus status,
    List<String> crafts,
    String region,
    String city,
    @Nullable String ice,
    @Nullable PayoutAccount payoutDestination,
    List<String> labels) {

  public ArtisanCreateParams {
    CatalogChecks.text("nia", nia, 64);
    CatalogChecks.text("display_name", displayName, 200);
    if (status == ArtisanStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known artisan status");
    }
    crafts = List.copyOf(crafts);
    if (crafts.isEmpty()) {
      throw new ValidationException("crafts", "must name at least one craft");
    }
    for (int i = 0; i < crafts.size(); i++) {
      CatalogChecks.code("crafts[" + i + "]", crafts.get(i));
    }
    CatalogChecks.code("region", region);
    CatalogChecks.text("city", city, 100);
    boolean business = status == ArtisanStatus.COOPERATIVE || status == ArtisanStatus.ENTERPRISE;
    if (business && ice == null) {
      throw new ValidationException("ice", "is required for cooperatives and enterprises");
    }
    if (ice != null && !Ice.isValid(ice)) {
      throw new ValidationException("ice", "must be 15 digits whose number is 0 mod 97");
    }
    labels = List.copyOf(labels);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ArtisanCreateParams}; {@link #build()} checks every field. */
  public static final class Builder {
    private @Nullable String nia;
    private @Nullable String displayName;
    private @Nullable ArtisanStatus status;
    private List<String> crafts = List.of();
    private @Nullable String region;
    private @Nullable String city;
    private @Nullable String ice;
    private @Nullable PayoutAccount payoutDestination;
    private List<String> labels = List.of();

    private Builder() {}

    /** The register number (NIA): an opaque string. */
    public Builder nia(String nia) {
      this.nia = nia;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder status(ArtisanStatus status) {
      this.status = status;
      return this;
    }

    /** Craft codes of the {@link Taxonomy}. */
    public Builder crafts(List<String> crafts) {
      this.crafts = List.copyOf(crafts);
      return this;
    }

    /** One of Morocco's 12 region codes, like {@code souss_massa}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder city(String city) {
      this.city = city;
      return this;
    }

    /** The 15-digit ICE; required for cooperatives and enterprises. */
    public Builder ice(String ice) {
      this.ice = ice;
      return this;
    }

    public Builder payoutDestination(PayoutAccount account) {
      this.payoutDestination = account;
      return this;
    }

    public Builder labels(List<String> labels) {
      this.labels = List.copyOf(labels);
      return this;
    }

    public ArtisanCreateParams build() {
      return new ArtisanCreateParams(
          CatalogChecks.required("nia", nia),
          CatalogChecks.required("display_name", displayName),
          CatalogChecks.required("status", status),
          crafts,
          CatalogChecks.required("region", region),
          CatalogChecks.required("city", city),
          ice,
          payoutDestination,
          labels);
    }
  }

  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
