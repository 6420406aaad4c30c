/**
 * The Marketplace API's resources: taxonomy, artisans, products (with the change feed and the
 * export), orders and FX quotes, over the seeded sample catalog.
 *
 * <p>Internal to the sandbox: public only so that the sandbox's layers can see each other; not an
 * API, and free to change in any release. Use {@link ma.hirfa.sdk.testkit.Sandbox}.
 */
@NullMarked
package ma.hirfa.sdk.testkit.marketplace;

import org.jspecify.annotations.NullMarked;
