/**
 * The Marketplace API client, for e-commerce partners importing the artisan catalog and developers
 * building on the platform: {@link ma.hirfa.sdk.catalog.CatalogClient}, its services and models,
 * the streamed export, and {@link ma.hirfa.sdk.catalog.CatalogSync}.
 */
@NullMarked
package ma.hirfa.sdk.catalog;

import org.jspecify.annotations.NullMarked;
