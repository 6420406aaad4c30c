/**
 * Plain-JDBC stores for several instances sharing one database: {@code JdbcProcessedEvents} (a
 * webhook or CMI callback applied once, its id committed with the application's own writes) and
 * {@code JdbcCheckpointStore} (a {@code CatalogSync} checkpoint under a lease with a fencing
 * token). The catalog module is needed only by the checkpoint store.
 */
module ma.hirfa.sdk.jdbc {
  requires transitive ma.hirfa.sdk.core;
  requires static transitive ma.hirfa.sdk.catalog;
  requires transitive java.sql;

  exports ma.hirfa.sdk.jdbc;
}
