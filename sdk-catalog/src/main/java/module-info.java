/**
 * The Marketplace API client: taxonomy, artisans, products (batch upsert, streamed export, change
 * feed and {@code CatalogSync}), orders and FX quotes.
 */
module ma.hirfa.sdk.catalog {
  requires transitive ma.hirfa.sdk.core;

  exports ma.hirfa.sdk.catalog;

  // The JSON codec in core reads the models and the event envelopes.
  opens ma.hirfa.sdk.catalog to
      ma.hirfa.sdk.core;
}
