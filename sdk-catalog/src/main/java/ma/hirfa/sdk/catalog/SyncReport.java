package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * What one {@link CatalogSync#runUntilCaughtUp()} did.
 *
 * @param imported products handed over by the import (the export)
 * @param upserts upserts handed over from the change feed
 * @param deletes deletes handed over from the change feed
 * @param feedPages change-feed pages read
 * @param rateLimitWaits times the sync waited for the rate limit (a 429 or an exhausted quota)
 * @param cursor the feed cursor it stopped at (also saved in the checkpoint store)
 */
public record SyncReport(
    long imported, long upserts, long deletes, int feedPages, int rateLimitWaits, String cursor) {
  @Override
  public String toString() {
    return ModelStrings.of(this);
  }
}
