/**
 * Micrometer metrics for the Hirfa SDK: {@link ma.hirfa.sdk.micrometer.HirfaMetrics}, a {@link
 * ma.hirfa.sdk.core.CallListener} recording a timer per call, counters of retries, budget refusals
 * and breaker rejections, and a gauge of each client's circuit breaker. Depends on {@code
 * micrometer-core} only.
 */
@NullMarked
package ma.hirfa.sdk.micrometer;

import org.jspecify.annotations.NullMarked;
