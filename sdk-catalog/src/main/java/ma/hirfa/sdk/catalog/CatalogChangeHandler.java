package ma.hirfa.sdk.catalog;

/**
 * Applies changes to the partner's store. A {@link CatalogSync} saves its checkpoint only after the
 * handler returned; an exception stops the sync before that change is checkpointed, so the next run
 * hands it over again. Changes can come more than once and out of order: apply one only when its
 * {@link CatalogChange#version()} is greater than the version you hold for that id, tombstones of
 * deleted ids included (see {@link CatalogChange}).
 */
@FunctionalInterface
public interface CatalogChangeHandler {
  void handle(CatalogChange change) throws Exception;
}
