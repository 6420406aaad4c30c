package ma.hirfa.sdk.testkit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.marketplace.CatalogMisbehaviour;
import ma.hirfa.sdk.testkit.marketplace.CatalogMisbehaviour.ExportPlan;
import ma.hirfa.sdk.testkit.marketplace.CatalogMisbehaviour.FeedFault;
import org.jspecify.annotations.Nullable;

/**
 * Misbehaviours of the export and the change feed, for testing that a catalog sync converges
 * whatever the server does on a bad day. Each fault applies to the next matching responses, in the
 * order added; {@link #expireCursors()} acts at once. Every answer stays within the contract (a
 * missing header the contract requires is the one exception, on purpose).
 *
 * <pre>{@code
 * sandbox.catalogFaults().cutExportAt(4_096);      // the next export ends after 4,096 bytes
 * sandbox.catalogFaults().replayFeedPages(2);      // the next two feed pages are earlier pages again
 * sandbox.catalogFaults().expireCursors();         // every cursor issued so far answers 410
 * }</pre>
 *
 * <p>Rate-limit storms, resets and delays come from {@link Sandbox#faults()}.
 */
public final class CatalogFaults {

  @GuardedBy("this")
  private final Deque<Long> cuts = new ArrayDeque<>();

  @GuardedBy("this")
  private final Deque<Integer> drops = new ArrayDeque<>();

  @GuardedBy("this")
  private int omitHeaders;

  @GuardedBy("this")
  private boolean spacedClosingLine;

  @GuardedBy("this")
  private final Deque<FeedFault> feed = new ArrayDeque<>();

  @GuardedBy("this")
  private final SplittableRandom random;

  @GuardedBy("this")
  private int expiries;

  CatalogFaults(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Ends the body of the next export after {@code bytes} bytes (0 is right after the headers),
   * wherever that falls: inside a product, between lines or inside the closing line. Ignored when
   * the export is shorter.
   */
  public synchronized CatalogFaults cutExportAt(long bytes) {
    if (bytes < 0) {
      throw new ValidationException("bytes", "must be 0 or more but was " + bytes);
    }
    cuts.add(bytes);
    return this;
  }

  /**
   * Leaves the last {@code bytes} bytes out of the next export: 1 drops only the closing line's
   * newline (a complete export), more cuts inside the closing line.
   */
  public synchronized CatalogFaults cutExportBeforeEnd(int bytes) {
    if (bytes < 1) {
      throw new ValidationException("bytes", "must be positive but was " + bytes);
    }
    drops.add(bytes);
    return this;
  }

  /** Sends the next {@code times} exports without the Export-Cursor and count headers. */
  public synchronized CatalogFaults omitExportHeaders(int times) {
    omitHeaders += positive(times);
    return this;
  }

  /** Spells the closing line {@code { "export_cursor" : "..." }}, with spaces, from now on. */
  public synchronized CatalogFaults spacedClosingLine(boolean spaced) {
    this.spacedClosingLine = spaced;
    return this;
  }

  /** Answers the next {@code times} feed requests with an earlier page (a stale redelivery). */
  public synchronized CatalogFaults replayFeedPages(int times) {
    return addFeed(FeedFault.REPLAY, times);
  }

  /** Shuffles the changes of the next {@code times} feed pages. */
  public synchronized CatalogFaults shuffleFeedPages(int times) {
    return addFeed(FeedFault.SHUFFLE, times);
  }

  /**
   * Answers the next {@code times} feed requests with no changes, {@code has_more: true} and the
   * same cursor: a feed that claims more but does not move.
   */
  public synchronized CatalogFaults stallFeed(int times) {
    return addFeed(FeedFault.STALL, times);
  }

  /** Leaves {@code product} out of the upserts of the next {@code times} feed pages. */
  public synchronized CatalogFaults thinChanges(int times) {
    return addFeed(FeedFault.THIN, times);
  }

  /**
   * Expires every feed cursor issued so far, export cursors included: they answer {@code 410
   * cursor_expired}, as cursors older than the feed's retention do.
   */
  public synchronized CatalogFaults expireCursors() {
    expiries++;
    return this;
  }

  /** Forgets every pending fault (expired cursors stay expired). */
  public synchronized void clear() {
    cuts.clear();
    drops.clear();
    omitHeaders = 0;
    spacedClosingLine = false;
    feed.clear();
  }

  // --- read by the sandbox ------------------------------------------------------------------

  /** The view the export and the feed read. */
  CatalogMisbehaviour misbehaviour() {
    return new CatalogMisbehaviour() {
      @Override
      public ExportPlan nextExport() {
        return CatalogFaults.this.nextExport();
      }

      @Override
      public @Nullable FeedFault nextFeedFault() {
        return CatalogFaults.this.nextFeedFault();
      }

      @Override
      public int expiries() {
        return CatalogFaults.this.expiries();
      }

      @Override
      public long nextSeed() {
        return CatalogFaults.this.nextSeed();
      }
    };
  }

  synchronized ExportPlan nextExport() {
    Long cut = cuts.poll();
    boolean omit = omitHeaders > 0;
    if (omit) {
      omitHeaders--;
    }
    Integer drop = drops.poll();
    return new ExportPlan(cut == null ? -1 : cut, drop == null ? 0 : drop, omit, spacedClosingLine);
  }

  synchronized @Nullable FeedFault nextFeedFault() {
    return feed.poll();
  }

  synchronized int expiries() {
    return expiries;
  }

  synchronized long nextSeed() {
    return random.nextLong();
  }

  @GuardedBy("this")
  private CatalogFaults addFeed(FeedFault fault, int times) {
    for (int i = positive(times); i > 0; i--) {
      feed.add(fault);
    }
    return this;
  }

  private static int positive(int times) {
    if (times < 1) {
      throw new ValidationException("times", "must be positive but was " + times);
    }
    return times;
  }
}
