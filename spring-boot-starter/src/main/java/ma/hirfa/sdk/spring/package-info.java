/**
 * The Hirfa Spring Boot starter: {@link ma.hirfa.sdk.spring.HirfaAutoConfiguration} builds the
 * clients from {@code hirfa.*} properties ({@link ma.hirfa.sdk.spring.HirfaProperties}), serves a
 * verified webhook endpoint ({@link ma.hirfa.sdk.spring.HirfaWebhookEndpoint}), and wires health,
 * Micrometer and OpenTelemetry when the application has them.
 */
@NullMarked
package ma.hirfa.sdk.spring;

import org.jspecify.annotations.NullMarked;
