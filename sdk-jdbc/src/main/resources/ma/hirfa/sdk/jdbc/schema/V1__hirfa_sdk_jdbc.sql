-- hirfa-sdk-jdbc, schema version 1: the tables of JdbcProcessedEvents and JdbcCheckpointStore.
-- Run it with your own migration tool, or with Flyway as in docs/guides/scaling.md. Standard SQL,
-- tested on PostgreSQL; a database without TIMESTAMP WITH TIME ZONE (MySQL) takes TIMESTAMP(6).
-- The SDK never creates a table by itself: a missing one fails with an error naming this file.

-- Events applied once (webhook-id, "cmi-order:<oid>"): the primary key is the claim. An id is
-- inserted in the same transaction as the application's own writes and committed with them.
CREATE TABLE hirfa_processed_events (
  event_id     VARCHAR(255)             NOT NULL,
  event_time   TIMESTAMP WITH TIME ZONE NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT hirfa_processed_events_pk PRIMARY KEY (event_id)
);
-- JdbcProcessedEvents.purgeProcessedBefore deletes by age.
CREATE INDEX hirfa_processed_events_processed_at ON hirfa_processed_events (processed_at);

-- One row per CatalogSync: its checkpoint, and the lease that lets one instance at a time run it.
-- lease_token is the fencing token: it grows by one at every acquisition, and a checkpoint is
-- saved only by the run holding the current token.
CREATE TABLE hirfa_sync_checkpoints (
  sync_name        VARCHAR(100)             NOT NULL,
  phase            VARCHAR(16),
  feed_cursor      VARCHAR(512),
  last_product_id  VARCHAR(64),
  lease_holder     VARCHAR(200),
  lease_token      BIGINT                   NOT NULL,
  lease_expires_at TIMESTAMP WITH TIME ZONE,
  updated_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT hirfa_sync_checkpoints_pk PRIMARY KEY (sync_name)
);
