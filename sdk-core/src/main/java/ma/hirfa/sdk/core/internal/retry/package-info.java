/**
 * Every decision about repeating an attempt, and the state shared by a client's calls that it
 * reads: the retry decider over an attempt's outcome, the back-off, the retry budget and the
 * circuit breaker. Unit-tested without HTTP. Not an API (see {@code ma.hirfa.sdk.core.internal}).
 */
@NullMarked
package ma.hirfa.sdk.core.internal.retry;

import org.jspecify.annotations.NullMarked;
