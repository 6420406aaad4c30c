/**
 * OpenTelemetry tracing for the Hirfa SDK: {@link ma.hirfa.sdk.opentelemetry.HirfaTracing}, a
 * {@link ma.hirfa.sdk.core.CallListener} that opens a span per call and a {@code CLIENT} span per
 * attempt, and propagates the trace context on every attempt. Depends on {@code opentelemetry-api}
 * only.
 */
@NullMarked
package ma.hirfa.sdk.opentelemetry;

import org.jspecify.annotations.NullMarked;
