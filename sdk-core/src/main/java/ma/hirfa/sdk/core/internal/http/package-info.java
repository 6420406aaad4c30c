/**
 * The call engine: the runtime a client stands on, the requests it sends, and the stages of one
 * call (request factory, response reader, call state, error mapper, events), driven by {@code
 * CallRunner}. Not an API (see {@code ma.hirfa.sdk.core.internal}).
 */
@NullMarked
package ma.hirfa.sdk.core.internal.http;

import org.jspecify.annotations.NullMarked;
