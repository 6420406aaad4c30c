package ma.hirfa.sdk.testkit.marketplace;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.payments.MagicInputs;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * The artisans: seeded ones computed from {@link CatalogSeed}, the contract's example artisan
 * ({@link CatalogSeed#EXAMPLE_ARTISAN_ID}, so the documents' examples work as written), and those
 * registered over the API, whose verification falls due {@link #VERIFICATION_DELAY} after
 * registration on the {@link Timeline}.
 */
public final class ArtisanRegistry implements Timeline.Source {
  /** A registration is verified (or rejected) this long after it is made. */
  public static final Duration VERIFICATION_DELAY = Duration.ofMinutes(1);

  private final CatalogSeed seed;
  private final EventLog events;
  private final Object lock = new Object();

  /** Stored versions (created artisans, and seeded ones once changed); each is immutable. */
  private final Map<String, Artisan> artisans = new ConcurrentHashMap<>();

  @GuardedBy("lock")
  private final List<String> created = new ArrayList<>();

  @GuardedBy("lock")
  private final List<String> pending = new ArrayList<>();

  /** The artisans of {@code seed}; verifications are announced to {@code events}. */
  public ArtisanRegistry(CatalogSeed seed, EventLog events) {
    this.seed = seed;
    this.events = events;
  }

  /** Whether an artisan with this id exists (for payments and payouts). */
  public boolean exists(String id) {
    return find(id) != null;
  }

  /** The artisan with this id, or null. */
  public @Nullable Artisan find(String id) {
    Artisan a = artisans.get(id);
    if (a != null) {
      return a;
    }
    if (id.equals(CatalogSeed.EXAMPLE_ARTISAN_ID)) {
      return seed.exampleArtisan();
    }
    int i = CatalogSeed.index(id, CatalogSeed.SEED_ARTISAN_PREFIX, seed.artisanCount());
    return i < 0 ? null : seed.artisan(i);
  }

  Artisan findOr404(String id) {
    Artisan a = find(id);
    if (a == null) {
      throw new Exchange.ApiError(Problems.notFound("artisan", id));
    }
    return a;
  }

  /** How many list positions there are: seeded, the example, then registered ones. */
  int positions() {
    synchronized (lock) {
      return seed.artisanCount() + 1 + created.size();
    }
  }

  @Nullable Artisan at(int pos) {
    if (pos < seed.artisanCount()) {
      return find(CatalogSeed.seededId(CatalogSeed.SEED_ARTISAN_PREFIX, pos));
    }
    if (pos == seed.artisanCount()) {
      return find(CatalogSeed.EXAMPLE_ARTISAN_ID);
    }
    synchronized (lock) {
      return artisans.get(created.get(pos - seed.artisanCount() - 1));
    }
  }

  /** Registers a new artisan, pending verification. */
  void register(Artisan a) {
    synchronized (lock) {
      artisans.put(a.id(), a);
      created.add(a.id());
      pending.add(a.id());
    }
  }

  /** Stores a new version of an artisan; the caller holds the lock of its read-modify-write. */
  void replace(Artisan a) {
    artisans.put(a.id(), a);
  }

  /** Guards a read-modify-write of one artisan. */
  Object lock() {
    return lock;
  }

  @Override
  public @Nullable Instant nextDue() {
    synchronized (lock) {
      Instant first = null;
      for (String id : pending) {
        Artisan a = artisans.get(id);
        if (a == null) {
          continue;
        }
        Instant due = a.createdAt().plus(VERIFICATION_DELAY);
        if (first == null || due.isBefore(first)) {
          first = due;
        }
      }
      return first;
    }
  }

  @Override
  public void applyDue(Instant at) {
    synchronized (lock) {
      for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
        Artisan a = artisans.get(it.next());
        if (a == null || !a.createdAt().plus(VERIFICATION_DELAY).equals(at)) {
          continue;
        }
        it.remove();
        if (!a.verification().equals("pending")) {
          continue;
        }
        boolean rejected = a.nia().startsWith(MagicInputs.NIA_REJECTED_PREFIX);
        Artisan v = a.verified(rejected ? "rejected" : "verified", at);
        artisans.put(v.id(), v);
        if (!rejected) {
          events.emit("artisan.verified", Json.tree(g -> ProductJson.writeArtisan(g, v)), at);
        }
      }
    }
  }
}
