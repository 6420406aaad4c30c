package ma.hirfa.sdk.testkit.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Handler;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.SandboxChecks;
import org.jspecify.annotations.Nullable;

/**
 * Artisans over the API: {@code listArtisans}, {@code createArtisan}, {@code getArtisan}, {@code
 * updateArtisan} (a merge patch, with an optional If-Match).
 */
public final class ArtisansHandler {
  private final ArtisanRegistry artisans;
  private final Ids ids;
  private final Clock clock;

  /** The artisans of {@code artisans}; new ones get ids from {@code ids}. */
  public ArtisansHandler(ArtisanRegistry artisans, Ids ids, Clock clock) {
    this.artisans = artisans;
    this.ids = ids;
    this.clock = clock;
  }

  /** The handlers, by operation id. */
  public Map<String, Handler> handlers() {
    return Map.of(
        "listArtisans", (e, r) -> list(e),
        "createArtisan", (e, r) -> create(e),
        "getArtisan", (e, r) -> get(e, r.param("id")),
        "updateArtisan", (e, r) -> patch(e, artisans.findOr404(r.param("id"))));
  }

  private Exchange.Response get(Exchange e, String id) {
    Artisan a = artisans.findOr404(id);
    return Json.conditional(e, a.etag(), () -> Json.bytes(g -> ProductJson.writeArtisan(g, a)));
  }

  private Exchange.Response list(Exchange e) {
    String region = e.queryParam("region");
    String craft = e.queryParam("craft");
    String status = e.queryParam("status");
    Predicate<Artisan> filter =
        a ->
            (region == null || region.equals(a.region()))
                && (craft == null || a.crafts().contains(craft))
                && (status == null || status.equals(a.status()));
    return PositionPages.page(
        e, artisans.positions(), artisans::at, filter, ProductJson::writeArtisan);
  }

  private static Exchange.Response written(int status, Artisan a) {
    return Json.json(status, Json.bytes(g -> ProductJson.writeArtisan(g, a)))
        .header("ETag", a.etag());
  }

  private Exchange.Response create(Exchange e) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    String status = b.path("status").asText();
    List<String> crafts = ProductInput.strings(b.path("crafts"));
    checkCrafts(crafts, errors);
    String region = b.path("region").asText();
    if (!CatalogSeed.isRegion(region)) {
      errors.add("region", "unknown_region", "one of Morocco's 12 region codes");
    }
    String ice = b.hasNonNull("ice") ? b.get("ice").asText() : null;
    boolean business = status.equals("cooperative") || status.equals("enterprise");
    if (business && ice == null) {
      errors.add("ice", "required", "cooperatives and enterprises give their ICE");
    } else if (ice != null && !SandboxChecks.ice(ice)) {
      errors.add("ice", "invalid_ice", "15 digits whose number is 0 mod 97");
    }
    String[] payout = payout(b.get("payout_destination"), errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    Artisan a =
        new Artisan(
            ids.next("art"),
            b.path("nia").asText(),
            b.path("display_name").asText(),
            status,
            crafts,
            region,
            b.path("city").asText(),
            ice,
            payout[0],
            payout[1],
            "pending",
            ProductInput.strings(b.path("labels")),
            1,
            now,
            now);
    artisans.register(a);
    return written(201, a);
  }

  private Exchange.Response patch(Exchange e, Artisan current) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    for (String required : List.of("display_name", "crafts", "city")) {
      if (b.has(required) && b.get(required).isNull()) {
        errors.add(required, "required", required + " cannot be removed");
      }
    }
    List<String> crafts =
        b.hasNonNull("crafts") ? ProductInput.strings(b.get("crafts")) : current.crafts();
    checkCrafts(crafts, errors);
    String[] payout =
        b.has("payout_destination")
            ? payout(b.get("payout_destination"), errors)
            : new String[] {current.payoutType(), current.payoutLast4()};
    errors.throwIfAny();
    synchronized (artisans.lock()) {
      Artisan now = artisans.findOr404(current.id());
      Json.checkIfMatch(e, now.etag(), false);
      Artisan a =
          new Artisan(
              now.id(),
              now.nia(),
              b.hasNonNull("display_name") ? b.get("display_name").asText() : now.displayName(),
              now.status(),
              crafts,
              now.region(),
              b.hasNonNull("city") ? b.get("city").asText() : now.city(),
              now.ice(),
              payout[0],
              payout[1],
              now.verification(),
              b.has("labels") ? ProductInput.strings(b.path("labels")) : now.labels(),
              now.version() + 1,
              now.createdAt(),
              clock.instant());
      artisans.replace(a);
      return written(200, a);
    }
  }

  private static void checkCrafts(List<String> crafts, Problems.FieldErrors errors) {
    for (int i = 0; i < crafts.size(); i++) {
      if (CatalogSeed.craft(crafts.get(i)) == null) {
        errors.add("crafts[" + i + "]", "unknown_craft", "a craft code of the taxonomy");
      }
    }
  }

  /**
   * SandboxChecks a payout destination; returns its type and last four digits (all that is kept).
   */
  private static @Nullable String[] payout(@Nullable JsonNode d, Problems.FieldErrors errors) {
    if (d == null || d.isNull()) {
      return new String[2];
    }
    String type = d.path("type").asText();
    String value =
        switch (type) {
          case "rib" ->
              SandboxChecks.rib(d.path("rib").asText(null)) ? d.path("rib").asText() : null;
          case "iban" ->
              SandboxChecks.iban(d.path("iban").asText(null)) ? d.path("iban").asText() : null;
          case "wallet" -> SandboxChecks.mobileE164(d.path("phone").asText(null));
          default -> null;
        };
    if (value == null) {
      String field =
          switch (type) {
            case "rib" -> "payout_destination.rib";
            case "iban" -> "payout_destination.iban";
            case "wallet" -> "payout_destination.phone";
            default -> "payout_destination.type";
          };
      errors.add(
          field,
          "invalid_" + (type.isEmpty() ? "type" : type),
          "this payout destination is not valid");
      return new String[2];
    }
    return new String[] {type, value.substring(value.length() - 4)};
  }
}
