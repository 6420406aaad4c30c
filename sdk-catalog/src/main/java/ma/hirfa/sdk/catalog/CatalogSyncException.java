package ma.hirfa.sdk.catalog;

import java.util.Objects;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * Why a {@link CatalogSync} run stopped with a failure, and what to do about it ({@link #remedy()},
 * also spelled out at the end of the message). Nothing handled is lost: the checkpoint stays at the
 * last step that completed, and the next run resumes from it. The cause is the SDK exception or
 * store failure behind it.
 */
public class CatalogSyncException extends HirfaException {
  private static final long serialVersionUID = 1L;

  /** What the partner does about a failed run. */
  public enum Remedy {
    /**
     * Nothing: the API or the network failed beyond the run's retries (rate limits, outages, cut
     * streams). Run the sync again later; it resumes where it stopped.
     */
    RUN_AGAIN,
    /**
     * The checkpoint store failed (missing directory, full disk, locked by another run): fix it.
     */
    FIX_CHECKPOINT_STORE,
    /** The handler threw a checked exception: fix what it writes to, then run again. */
    FIX_HANDLER,
    /** One response or line is larger than {@code ClientOptions.maxResponseBytes}: raise it. */
    RAISE_MAX_RESPONSE_BYTES,
    /** A full re-import cannot finish within {@code runBudget}: raise it. */
    RAISE_RUN_BUDGET,
    /** The API refused the client (key, permission): fix the configuration. */
    FIX_CONFIGURATION,
    /** The API broke its contract in a way that repeats: report it with the request id. */
    CONTACT_SUPPORT
  }

  private final Remedy remedy;

  public CatalogSyncException(
      String message,
      Remedy remedy,
      @Nullable CallDiagnostics diagnostics,
      @Nullable Throwable cause) {
    super(message + ". What to do: " + advice(remedy), diagnostics, cause);
    this.remedy = Objects.requireNonNull(remedy, "remedy == null");
  }

  /** What to do about it. */
  public Remedy remedy() {
    return remedy;
  }

  /** The advice appended to every message, one sentence per remedy. */
  static String advice(Remedy remedy) {
    return switch (remedy) {
      case RUN_AGAIN -> "nothing; run the sync again later, it resumes from its checkpoint";
      case FIX_CHECKPOINT_STORE ->
          "fix the checkpoint store (directory, disk, permissions, or stop the other sync using it),"
              + " then run again";
      case FIX_HANDLER ->
          "fix what the handler writes to, then run again; the change is handed over" + " again";
      case RAISE_MAX_RESPONSE_BYTES ->
          "raise ClientOptions.maxResponseBytes above the size named here, then run again";
      case RAISE_RUN_BUDGET ->
          "raise CatalogSync.Builder.runBudget so that one whole export fits, then run again";
      case FIX_CONFIGURATION -> "check the API key, its permissions and the base URL";
      case CONTACT_SUPPORT -> "report it to Hirfa support with the request id";
    };
  }
}
