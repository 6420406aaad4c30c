package ma.hirfa.sdk.testkit.marketplace;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Pages;
import ma.hirfa.sdk.testkit.server.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The change feed of the catalog: every upsert and delete in the order made, each with the
 * product's version after it, served in pages after a cursor. Changes older than the retention are
 * dropped, and a cursor from before a dropped change answers {@code 410 cursor_expired}, as do the
 * cursors issued before {@code CatalogFaults.expireCursors()}. A cursor names the position after
 * which it reads and the expiry epoch it was issued in.
 */
public final class CatalogFeed {
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** One entry; {@code product} is null for a delete, whose version is the deletion's. */
  public record Change(
      long seq,
      String type,
      String productId,
      @Nullable Product product,
      long version,
      Instant at) {}

  private final Clock clock;
  private final CatalogMisbehaviour faults;
  private final Duration retention;

  @GuardedBy("this")
  private final List<Change> changes = new ArrayList<>();

  /** Changes before this index were dropped for their age. */
  @GuardedBy("this")
  private int firstRetained;

  public CatalogFeed(Clock clock, CatalogMisbehaviour faults, Duration retention) {
    this.clock = clock;
    this.faults = faults;
    this.retention = retention;
  }

  public synchronized void upsert(Product p) {
    changes.add(new Change(changes.size() + 1L, "upsert", p.id(), p, p.version(), p.updatedAt()));
  }

  /** Appends the deletion of {@code last}; its version is one more than the product's last. */
  public synchronized void delete(Product last, Instant at) {
    changes.add(new Change(changes.size() + 1L, "delete", last.id(), null, last.version() + 1, at));
  }

  /** A cursor after every change made so far: an export's position. */
  public synchronized String cursorNow() {
    return encode(faults.expiries(), changes.size());
  }

  /** {@code GET /v1/products/changes}. */
  public Exchange.Response page(Exchange e) {
    int limit = Pages.limit(e);
    String asked = e.queryParam("cursor");
    long[] cursor = decode(asked);
    synchronized (this) {
      dropOld();
      if (cursor[0] < faults.expiries() || cursor[1] < firstRetained) {
        throw new Exchange.ApiError(
            Problems.problem(
                410,
                "cursor_expired",
                "Gone",
                "the cursor is older than the change feed's retention ("
                    + retention.toDays()
                    + " days): export the catalog again and reconcile your copy by id"));
      }
      if (cursor[1] > changes.size()) {
        throw invalid();
      }
      CatalogMisbehaviour.FeedFault fault = faults.nextFeedFault();
      if (fault == CatalogMisbehaviour.FeedFault.STALL) {
        return render(List.of(), Objects.requireNonNull(asked), true, false);
      }
      int from = (int) cursor[1];
      if (fault == CatalogMisbehaviour.FeedFault.REPLAY) {
        from = Math.max(firstRetained, from - limit);
      }
      int end = Math.min(changes.size(), from + limit);
      List<Change> page = new ArrayList<>(changes.subList(from, end));
      if (fault == CatalogMisbehaviour.FeedFault.SHUFFLE) {
        Collections.shuffle(page, new Random(faults.nextSeed()));
      }
      boolean thin = fault == CatalogMisbehaviour.FeedFault.THIN;
      return render(page, encode(cursor[0], end), end < changes.size(), thin);
    }
  }

  private static Exchange.Response render(
      List<Change> page, String next, boolean more, boolean thin) {
    byte[] body =
        Json.bytes(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("data");
              for (Change c : page) {
                g.writeStartObject();
                g.writeStringField("change_id", "chg_" + c.seq());
                g.writeStringField("type", c.type());
                g.writeStringField("product_id", c.productId());
                g.writeNumberField("version", c.version());
                Product p = c.product();
                if (p != null && !thin) {
                  g.writeFieldName("product");
                  ProductJson.writeProduct(g, p);
                }
                g.writeStringField("occurred_at", c.at().toString());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeStringField("next_cursor", next);
              g.writeBooleanField("has_more", more);
              g.writeEndObject();
            });
    return new Exchange.Response(200, new LinkedHashMap<>(), body, "application/json");
  }

  @GuardedBy("this")
  private void dropOld() {
    Instant horizon = clock.instant().minus(retention);
    while (firstRetained < changes.size() && changes.get(firstRetained).at().isBefore(horizon)) {
      firstRetained++;
    }
  }

  private static String encode(long epoch, long position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("chg:" + epoch + ":" + position).getBytes(StandardCharsets.US_ASCII));
  }

  /** The epoch and position of a cursor. */
  private static long[] decode(@Nullable String cursor) {
    if (cursor != null) {
      try {
        String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        String[] parts = s.split(":", -1);
        if (parts.length == 3 && parts[0].equals("chg")) {
          long epoch = Long.parseLong(parts[1]);
          long position = Long.parseLong(parts[2]);
          if (epoch >= 0 && position >= 0) {
            return new long[] {epoch, position};
          }
        }
      } catch (IllegalArgumentException ignored) {
        // reported below
      }
    }
    throw invalid();
  }

  private static Exchange.ApiError invalid() {
    return new Exchange.ApiError(
        Problems.invalid(
            new Problems.FieldErrors()
                .add("cursor", "invalid_cursor", "pass export_cursor or next_cursor unchanged")));
  }
}
