/**
 * The engine behind the public API: OkHttp transport, Moshi adapters, the Resilience4j retry
 * pipeline, logging and redaction. Not an API: types here change without notice, are excluded from
 * Javadoc and compatibility checks, and are exported only to the SDK's own modules.
 */
@NullMarked
package ma.hirfa.sdk.core.internal;

import org.jspecify.annotations.NullMarked;
