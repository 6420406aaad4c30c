package ma.hirfa.sdk.catalog;

import ma.hirfa.sdk.core.internal.ModelStrings;

/**
 * One change handed to a {@link CatalogSync} handler: a product to create or replace, or a product
 * to delete. Apply it idempotently: after a crash the sync may hand you a change again, with the
 * same {@link #changeId()}.
 */
public sealed interface CatalogChange {
  /** Stable across deliveries; {@code exp_...} for the first import, {@code chg_...} after. */
  String changeId();

  String productId();

  /** Create or replace the product with this version. */
  record Upsert(String changeId, Product product) implements CatalogChange {
    @Override
    public String productId() {
      return product.id();
    }

    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }

  /** Remove the product (a tombstone: it may be absent already). */
  record Delete(String changeId, String productId) implements CatalogChange {
    @Override
    public String toString() {
      return ModelStrings.of(this);
    }
  }
}
