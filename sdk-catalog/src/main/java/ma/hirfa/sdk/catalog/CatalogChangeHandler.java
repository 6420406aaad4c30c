package ma.hirfa.sdk.catalog;

/**
 * Applies changes to the partner's store. A {@link CatalogSync} saves its checkpoint only after the
 * handler returned; an exception stops the sync before that change is checkpointed, so the next run
 * hands it over again.
 */
@FunctionalInterface
public interface CatalogChangeHandler {
  void handle(CatalogChange change) throws Exception;
}
