/**
 * What the engine writes: the call log (one DEBUG line per attempt, TRACE for headers and bodies),
 * the MDC, and the redaction every text from outside passes through before it reaches a log line,
 * an exception message or a {@code toString()}. Not an API (see {@code
 * ma.hirfa.sdk.core.internal}).
 */
@NullMarked
package ma.hirfa.sdk.core.internal.log;

import org.jspecify.annotations.NullMarked;
