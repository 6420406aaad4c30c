package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.json.ModelStrings;

/**
 * One change handed to a {@link CatalogSync} handler: a product to create or replace, or a product
 * to delete. Changes can arrive more than once and out of order (after a crash, from the feed's
 * at-least-once delivery, or from an import that saw a newer version than the feed replays), so
 * apply one only when its {@link #version()} is greater than the version you hold for that id,
 * remembering deleted ids with their deletion's version (a tombstone):
 *
 * <pre>{@code
 * long held = shop.versionOf(change.productId());   // -1 when unknown; a tombstone's version too
 * if (change.version() > held) {
 *   if (change instanceof CatalogChange.Upsert u) shop.save(u.product());
 *   else shop.delete(change.productId(), change.version());   // keeps the tombstone
 * }
 * }</pre>
 */
public sealed interface CatalogChange {
  /**
   * Stable across deliveries: {@code exp_...} for an import, {@code chg_...} from the feed, {@code
   * rec_...} for a product a re-import found gone.
   */
  String changeId();

  String productId();

  /**
   * The product's version after this change. Apply the change only if it is greater than the
   * version you hold (tombstones included); an older or equal one is a replay.
   */
  long version();

  /** Create or replace the product with this version. */
  record Upsert(String changeId, Product product) implements CatalogChange {
    @Override
    public String productId() {
      return product.id();
    }

    @Override
    public long version() {
      return product.version();
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /**
   * Remove the product (it may be absent already). {@code version} is the deletion's version, one
   * more than the product's last; it is {@link Long#MAX_VALUE} when a re-import found the product
   * gone from the catalog without seeing its deletion. A deletion is final: product ids are never
   * reused.
   */
  record Delete(String changeId, String productId, long version) implements CatalogChange {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }
}
