package ma.hirfa.sdk.testkit.marketplace;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An artisan as the catalog holds it (immutable: a change stores a new one). */
public record Artisan(
    String id,
    String nia,
    String displayName,
    String status,
    List<String> crafts,
    String region,
    String city,
    @Nullable String ice,
    @Nullable String payoutType,
    @Nullable String payoutLast4,
    String verification,
    List<String> labels,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** {@code "<id>.<version>"}. */
  public String etag() {
    return "\"" + id + "." + version + "\"";
  }

  /** This artisan after its verification ended with {@code outcome} at {@code at}. */
  Artisan verified(String outcome, Instant at) {
    return new Artisan(
        id,
        nia,
        displayName,
        status,
        crafts,
        region,
        city,
        ice,
        payoutType,
        payoutLast4,
        outcome,
        labels,
        version + 1,
        createdAt,
        at);
  }
}
