/**
 * Shared state for several instances on one database through plain JDBC: {@link
 * ma.hirfa.sdk.jdbc.JdbcProcessedEvents} and {@link ma.hirfa.sdk.jdbc.JdbcCheckpointStore}. The
 * tables are created by the partner from the versioned SQL files under {@code
 * ma/hirfa/sdk/jdbc/schema/} ({@link ma.hirfa.sdk.jdbc.JdbcSchema}).
 */
@NullMarked
package ma.hirfa.sdk.jdbc;

import org.jspecify.annotations.NullMarked;
