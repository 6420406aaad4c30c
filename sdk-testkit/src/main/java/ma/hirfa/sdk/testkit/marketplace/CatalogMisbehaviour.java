package ma.hirfa.sdk.testkit.marketplace;

import org.jspecify.annotations.Nullable;

/**
 * What the export and the change feed read of the misbehaviours a test asked for ({@code
 * Sandbox.catalogFaults()}), one export or feed page at a time.
 */
public interface CatalogMisbehaviour {
  /** How an export behaves; {@code cutAt} -1 and {@code dropLast} 0 for a whole body. */
  record ExportPlan(long cutAt, int dropLast, boolean omitHeaders, boolean spacedClosingLine) {}

  /** How a feed page misbehaves. */
  enum FeedFault {
    /** An earlier page again: changes already delivered, and that page's next cursor. */
    REPLAY,
    /** The page's changes in a shuffled order. */
    SHUFFLE,
    /** No changes, {@code has_more: true} and the cursor that was asked for. */
    STALL,
    /** Upserts without their {@code product}. */
    THIN
  }

  /** How the next export behaves (taking it off the queue). */
  ExportPlan nextExport();

  /** How the next feed page misbehaves, or null for a normal page. */
  @Nullable FeedFault nextFeedFault();

  /** How many times every cursor issued so far was expired. */
  int expiries();

  /** A seed for a shuffle. */
  long nextSeed();
}
