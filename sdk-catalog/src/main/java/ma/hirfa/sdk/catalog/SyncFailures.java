package ma.hirfa.sdk.catalog;

import java.io.IOException;
import ma.hirfa.sdk.core.ApiException;
import ma.hirfa.sdk.core.AuthenticationException;
import ma.hirfa.sdk.core.CircuitOpenException;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.PermissionException;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.ServerException;
import org.jspecify.annotations.Nullable;

/** Sorts the failures a sync meets by what the partner must do about them. */
final class SyncFailures {
  private SyncFailures() {}

  /** A successful response whose body exceeds {@code maxResponseBytes} (the core's wording). */
  static boolean tooLarge(HirfaException e) {
    String m = e.getMessage();
    return e instanceof ResponseDecodingException
        && e.status() >= 200
        && e.status() < 300
        && m != null
        && m.contains("exceeds maxResponseBytes");
  }

  /** Why the API refused a feed cursor, or null when {@code e} is about something else. */
  static SyncReport.@Nullable Reimport refusedCursor(HirfaException e) {
    if (e.status() == 410 || "cursor_expired".equals(e.code())) {
      return SyncReport.Reimport.CURSOR_EXPIRED;
    }
    if (e.status() == 400 && "invalid_cursor".equals(e.code())) {
      return SyncReport.Reimport.CURSOR_INVALID;
    }
    return null;
  }

  static CatalogSyncException.Remedy remedyOf(HirfaException e) {
    if (e instanceof CatalogSyncException c) {
      return c.remedy();
    }
    if (e instanceof AuthenticationException || e instanceof PermissionException) {
      return CatalogSyncException.Remedy.FIX_CONFIGURATION;
    }
    String m = e.getMessage();
    if (e instanceof ResponseDecodingException && m != null && m.contains("maxResponseBytes")) {
      return CatalogSyncException.Remedy.RAISE_MAX_RESPONSE_BYTES;
    }
    if (e instanceof ConnectionException
        || e instanceof RateLimitException
        || e instanceof ServerException
        || e instanceof CircuitOpenException
        || (e instanceof ApiException && (e.status() == 408 || e.status() == 425))) {
      return CatalogSyncException.Remedy.RUN_AGAIN;
    }
    return CatalogSyncException.Remedy.CONTACT_SUPPORT;
  }

  /** The run's failure for {@code e}, met while {@code doing} something. */
  static CatalogSyncException wrap(HirfaException e, String doing) {
    if (e instanceof CatalogSyncException c) {
      return c;
    }
    CatalogSyncException.Remedy remedy = remedyOf(e);
    String what =
        remedy == CatalogSyncException.Remedy.RAISE_MAX_RESPONSE_BYTES
            ? String.valueOf(e.getMessage())
            : e.getClass().getSimpleName();
    return new CatalogSyncException(
        "the sync stopped while " + doing + ": " + what, remedy, e.diagnostics(), e);
  }

  /** Another instance took the lease over (or holds it): nothing to fix, it is syncing. */
  static CatalogSyncException lease(
      String doing, CheckpointStore store, CheckpointLeaseException e) {
    return new CatalogSyncException(
        "the checkpoint store refused to "
            + doing
            + " the sync checkpoint ("
            + store
            + "): "
            + e.getMessage(),
        CatalogSyncException.Remedy.RUN_AGAIN,
        null,
        e);
  }

  static CatalogSyncException store(String doing, CheckpointStore store, IOException e) {
    return new CatalogSyncException(
        "could not "
            + doing
            + " the sync checkpoint ("
            + store
            + "): "
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage(),
        CatalogSyncException.Remedy.FIX_CHECKPOINT_STORE,
        null,
        e);
  }
}
