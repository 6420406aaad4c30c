/**
 * The models' wire form: the Moshi codec with the record, value-type and enum adapters, the lines
 * of a streamed NDJSON body, the webhook envelope, and the models' redacted {@code toString()}. Not
 * an API (see {@code ma.hirfa.sdk.core.internal}).
 */
@NullMarked
package ma.hirfa.sdk.core.internal.json;

import org.jspecify.annotations.NullMarked;
