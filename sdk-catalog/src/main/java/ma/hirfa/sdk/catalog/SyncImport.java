package ma.hirfa.sdk.catalog;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import org.jspecify.annotations.Nullable;

/**
 * The import step of a {@link SyncRun}: streams the export into the handler, from the start or
 * after the last product handled, and ends with the checkpoint {@code FOLLOWING}.
 *
 * <p>Two kinds of import. A plain import trusts that the store holds nothing the catalog deleted:
 * it saves the feed position (the {@code Export-Cursor} header) before the first product and
 * resumes after the last product handled, in this run or the next. A reconciling import also
 * removes what the store holds and the catalog no longer has: it reads the held ids when an export
 * starts from the first product, strikes off each product the export sends, and hands over a delete
 * for each id left. Its id set lives in memory only, so it restarts from the first product after a
 * crash; within a run it resumes after a cut like a plain import.
 *
 * <p>Without a position known up front (no header) an import cannot resume at all, since the
 * resumed export's cursor is later than the products already handed over: it becomes a reconciling
 * import and restarts from scratch after a cut.
 */
final class SyncImport {
  /** Resumes of a cut export within one run before the run gives up for now. */
  static final int MAX_RESUMES = 20;

  private final SyncRun run;
  private final CatalogSync sync;
  private boolean reconcile;
  private @Nullable Set<String> ghosts;
  private @Nullable String cursor;
  private @Nullable String after;
  private final boolean fullBudget;

  /** Products handed over since the last export from the first product; for progress. */
  private long sinceStart;

  /** Time spent streaming exports into the handler, to tell a slow import from a slow server. */
  private long iteratingNanos;

  /** When the export being streamed began streaming; 0 between exports. */
  private long streamingSince;

  private long attemptBase;
  private long attemptBaseBytes;
  private long bytesSoFar;

  /**
   * {@code fullBudget}: the import starts the run, so a reconciling import that does not fit is the
   * budget's fault, not bad luck with what the run did before.
   */
  SyncImport(SyncRun run, boolean fullBudget) {
    this.run = run;
    this.sync = run.sync;
    this.fullBudget = fullBudget;
  }

  /**
   * Imports from {@code from} (null, importing or reconciling); returns null once the checkpoint is
   * {@code FOLLOWING}, or why the run stops.
   */
  SyncReport.@Nullable Stop run(@Nullable SyncCheckpoint from, SyncReport.@Nullable Reimport why) {
    if (from == null) {
      ghosts = run.heldIds();
      reconcile = !ghosts.isEmpty();
      if (!reconcile) {
        ghosts = null;
      }
      startReimport(reconcile ? SyncReport.Reimport.UNTRACKED_STORE : null);
    } else if (from.phase() == SyncCheckpoint.Phase.IMPORTING) {
      cursor = from.feedCursor();
      after = from.lastProductId();
    } else {
      reconcile = true;
      cursor = from.feedCursor();
      startReimport(why != null ? why : SyncReport.Reimport.UNFINISHED);
    }
    for (int resumes = 0; ; resumes++) {
      if (run.budget.timeSpent()) {
        return budgetSpent();
      }
      try {
        if (importOnce()) {
          return null;
        }
      } catch (ConnectionException e) {
        // Cut, stalled or timed out: resume after the last product handled (within the budget).
        if (run.budget.timeSpent()) {
          return budgetSpent();
        }
        if (resumes >= MAX_RESUMES) {
          savePlainProgress();
          throw SyncFailures.wrap(e, "importing the catalog (" + resumes + " resumes)");
        }
        savePlainProgress();
        if (cursor == null) {
          after = null; // no position to resume with: start over, reconciling
        }
      } catch (HirfaException e) {
        savePlainProgress();
        throw run.stopOrWrap(e, "importing the catalog");
      }
    }
  }

  private void startReimport(SyncReport.@Nullable Reimport why) {
    if (why != null) {
      run.reimport = why;
    }
  }

  /** One export attempt; true once the import is complete and the checkpoint is following. */
  private boolean importOnce() {
    boolean fromStart = after == null;
    String resumeAfter = after;
    if (fromStart) {
      sinceStart = 0;
    }
    attemptBase = sinceStart;
    attemptBaseBytes = bytesSoFar;
    try (ProductExport export =
        resumeAfter == null
            ? sync.products.export(run.budget.callOptions())
            : sync.products.exportAfter(resumeAfter, run.budget.callOptions())) {
      if (fromStart) {
        opened(export);
      }
      export.onProgress(this::progress);
      streamingSince = System.nanoTime();
      try {
        return stream(export);
      } finally {
        iteratingNanos += System.nanoTime() - streamingSince;
        streamingSince = 0;
      }
    }
  }

  /** Hands the export's products over; at its end, the deletes of a reconciliation. */
  private boolean stream(ProductExport export) {
    long sinceCheckpoint = 0;
    for (Product p : export) {
      run.handle(new CatalogChange.Upsert("exp_" + p.id() + "_" + p.version(), p));
      run.imported++;
      sinceStart++;
      if (ghosts != null) {
        ghosts.remove(p.id());
      }
      after = p.id();
      if (!reconcile && ++sinceCheckpoint >= sync.checkpointEvery) {
        savePlainProgress();
        sinceCheckpoint = 0;
      }
      if (run.budget.timeSpent()) {
        budgetSpent();
        throw new SyncRun.BudgetSpent();
      }
    }
    String position = cursor != null ? cursor : export.exportCursor();
    if (position == null) {
      throw new IllegalStateException("a complete export has a cursor");
    }
    if (ghosts != null) {
      for (String gone : ghosts) {
        run.handle(new CatalogChange.Delete("rec_" + gone, gone, Long.MAX_VALUE));
        run.removed++;
      }
    }
    run.save(SyncCheckpoint.following(position));
    return true;
  }

  /** An export from the first product opened: take its position and save it before any product. */
  private void opened(ProductExport export) {
    String header = export.headerCursor();
    if (cursor == null && header != null) {
      cursor = header;
    }
    if (cursor == null && !reconcile) {
      // No position: a cut or a crash could not resume without losing changes; reconcile instead.
      reconcile = true;
      startReimport(SyncReport.Reimport.EXPORT_CURSOR_MISSING);
    }
    if (reconcile) {
      // Everything the store holds now, including what earlier attempts handed over.
      ghosts = run.heldIds();
      run.save(SyncCheckpoint.reconciling(cursor));
    } else {
      run.save(SyncCheckpoint.importing(Objects.requireNonNull(cursor), null));
    }
  }

  private void progress(ExportProgress p) {
    OptionalLong total = p.total();
    bytesSoFar = attemptBaseBytes + p.bytes();
    sync.progress.accept(
        new ExportProgress(
            attemptBase + p.products(),
            bytesSoFar,
            run.budget.elapsed(),
            p.done(),
            total.isPresent() ? OptionalLong.of(attemptBase + total.getAsLong()) : total));
  }

  /** A plain import saves where it got to; a reconciling one cannot resume in another run. */
  private void savePlainProgress() {
    if (!reconcile && cursor != null) {
      run.save(SyncCheckpoint.importing(cursor, after));
    }
  }

  /**
   * The run's budget is spent. A plain import saves where it got to. A reconciling import cannot
   * resume in another run: if streaming the export alone took half the budget, one export does not
   * fit in a run and the partner must raise it; otherwise (a slow or rate-limiting server) the next
   * run starts it over.
   */
  private SyncReport.Stop budgetSpent() {
    long streamed = iteratingNanos + (streamingSince == 0 ? 0 : System.nanoTime() - streamingSince);
    boolean exportTooLong = streamed * 2 >= run.budget.time().toNanos();
    if (reconcile && fullBudget && exportTooLong) {
      throw new CatalogSyncException(
          "the full re-import did not finish within runBudget ("
              + run.budget.time()
              + ") after "
              + run.imported
              + " products; it starts over on the next run",
          CatalogSyncException.Remedy.RAISE_RUN_BUDGET,
          null,
          null);
    }
    // A reconciling import begun late in a run starts over, with a whole budget, on the next one.
    savePlainProgress();
    return SyncReport.Stop.TIME_BUDGET;
  }
}
