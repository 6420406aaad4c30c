/**
 * The engine behind the public API. Not an API: types here and in the subpackages change without
 * notice, are excluded from Javadoc and compatibility checks, and are exported only to the SDK's
 * own modules. The subpackages show the design, as OkHttp splits its internals:
 *
 * <ul>
 *   <li>{@code internal.http}: the call engine. {@code ClientRuntime} runs an {@code ApiRequest}
 *       (built from a contract {@code Operation}) through attempts: {@code RequestFactory} builds
 *       each, {@code ResponseReader} reads it into an {@code Outcome}, {@code CallState} applies
 *       the retry decision, {@code ErrorMapper} names the failure, {@code CallEvents} tells
 *       listeners; streamed bodies are read by {@code NdjsonReader}.
 *   <li>{@code internal.retry}: every decision about repeating an attempt ({@code RetryDecider},
 *       over an attempt's {@code Outcome}), the back-off, the retry budget and the circuit breaker
 *       ({@code Resilience}). It never makes a call.
 *   <li>{@code internal.json}: the models' wire form: the Moshi codec, the record, value-type and
 *       enum adapters, NDJSON lines, webhook envelopes, and the models' redacted {@code toString}.
 *   <li>{@code internal.log}: what the engine writes: the call log, the MDC, and the redaction
 *       applied to every text that may reach a log line, an exception or a {@code toString()}.
 * </ul>
 *
 * <p>Each package depends only on those below it: {@code http} on {@code retry}, {@code json} and
 * {@code log}; {@code retry} on {@code json}; {@code json} on {@code log} ({@code EngineLayoutTest}
 * checks it, and that no engine file reaches 300 lines). This package itself holds only {@code
 * Validate}, the field checks every public entry point of core and of both clients calls, which are
 * no part of the engine.
 */
@NullMarked
package ma.hirfa.sdk.core.internal;

import org.jspecify.annotations.NullMarked;
