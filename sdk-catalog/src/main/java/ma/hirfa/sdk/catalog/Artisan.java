package ma.hirfa.sdk.catalog;

import java.time.Instant;
import java.util.List;
import ma.hirfa.sdk.core.internal.ModelStrings;
import org.jspecify.annotations.Nullable;

/**
 * An artisan, maâlem, cooperative or enterprise of the register. The payout account is masked to
 * its last four digits: the full RIB, IBAN or phone number is never returned.
 *
 * @param nia the register number (NIA), an opaque string
 * @param region one of Morocco's 12 region codes, like {@code souss_massa}
 * @param version increases on every change; {@link #etag()} is derived from it
 */
public record Artisan(
    String id,
    String nia,
    String displayName,
    ArtisanStatus status,
    List<String> crafts,
    String region,
    String city,
    @Nullable String ice,
    @Nullable MaskedPayoutDestination payoutDestination,
    VerificationStatus verification,
    List<String> labels,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The {@code If-Match} value of this version, {@code "<id>.<version>"}. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }

  /** Where payouts go, masked: {@code type} is {@code rib}, {@code iban} or {@code wallet}. */
  public record MaskedPayoutDestination(String type, String last4) {
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
