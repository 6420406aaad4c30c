/**
 * The Hirfa source connector for Kafka Connect: {@link ma.hirfa.sdk.kafka.HirfaSourceConnector}
 * publishes the catalog (the export, then the change feed) to a compacted topic keyed by product
 * id, and the verified payment webhook events to a second topic.
 */
@NullMarked
package ma.hirfa.sdk.kafka;

import org.jspecify.annotations.NullMarked;
