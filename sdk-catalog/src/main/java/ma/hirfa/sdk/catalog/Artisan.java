package ma.hirfa.sdk.catalog;

import java.time.Instant;
import java.util.List;
import ma.hirfa.sdk.core.internal.json.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * An artisan, maâlem, cooperative or enterprise of the register. The payout account is masked to
 * its last four digits: the full RIB, IBAN or phone number is never returned.
 *
 * @param nia the register number (NIA), an opaque string
 * @param statusAsString the register status as the API sent it; {@link #status()} is its {@link
 *     ArtisanStatus}
 * @param region one of Morocco's 12 region codes, like {@code souss_massa}
 * @param verificationAsString the verification as sent; {@link #verification()} is its {@link
 *     VerificationStatus}
 * @param version increases on every change; {@link #etag()} is derived from it
 */
public record Artisan(
    String id,
    String nia,
    String displayName,
    String statusAsString,
    List<String> crafts,
    String region,
    String city,
    @Nullable String ice,
    @Nullable MaskedPayoutDestination payoutDestination,
    String verificationAsString,
    List<String> labels,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The register status; {@link ArtisanStatus#UNKNOWN} for a value newer than this SDK. */
  public ArtisanStatus status() {
    return ArtisanStatus.fromWire(statusAsString);
  }

  /** The verification; {@link VerificationStatus#UNKNOWN} for a value newer than this SDK. */
  public VerificationStatus verification() {
    return VerificationStatus.fromWire(verificationAsString);
  }

  /** The {@code If-Match} value of this version, {@code "<id>.<version>"}. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }

  /**
   * Where payouts go, masked.
   *
   * @param typeAsString {@code rib}, {@code iban} or {@code wallet} as the API sent it; {@link
   *     #type()} is its {@link PayoutAccountType}
   * @param last4 the last four digits of the number; null when the API does not send them (the
   *     contract makes them optional)
   */
  public record MaskedPayoutDestination(String typeAsString, @Nullable String last4) {
    /** The type; {@link PayoutAccountType#UNKNOWN} for a value newer than this SDK. */
    public PayoutAccountType type() {
      return PayoutAccountType.fromWire(typeAsString);
    }

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
