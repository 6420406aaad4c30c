package ma.hirfa.sdk.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link CatalogSync}: the store lock, the budget, the counters, and the change feed.
 * The import lives in {@link SyncImport}.
 */
final class SyncRun {
  private static final TypeRef<ChangePage> CHANGES = TypeRef.of(ChangePage.class);

  /** Empty pages that do not move the cursor before the run gives up on the feed for now. */
  static final int MAX_STALLS = 5;

  /** Full re-imports one run may start: a second refusal of a fresh cursor is the API's fault. */
  private static final int MAX_REIMPORTS = 2;

  /** Pages in a row that must fit before a page size halved for a large page grows back. */
  private static final int GROW_AFTER = 8;

  final CatalogSync sync;
  final ClientRuntime runtime;
  final SyncBudget budget;
  long imported;
  long upserts;
  long deletes;
  long removed;
  int pages;
  int reimports;
  SyncReport.@Nullable Reimport reimport;
  @Nullable SyncCheckpoint position;

  SyncRun(CatalogSync sync) {
    this.sync = sync;
    this.runtime = sync.products.runtime();
    this.budget = new SyncBudget(runtime.options().clock(), sync.runBudget, sync.maxFeedPages);
  }

  SyncReport run() {
    Closeable lock;
    try {
      lock = sync.store.lock();
    } catch (CheckpointLeaseException e) {
      if (e.reason() != CheckpointLeaseException.Reason.HELD) {
        throw SyncFailures.lease("lock", sync.store, e);
      }
      // Another instance is syncing: nothing was read or written, and nothing needs doing.
      return new SyncReport(
          SyncReport.Stop.LEASE_HELD, 0, 0, 0, 0, 0, null, null, budget.elapsed());
    } catch (IOException e) {
      throw SyncFailures.store("lock", sync.store, e);
    }
    try (lock) {
      position = load();
      SyncReport.Stop stop;
      try {
        stop =
            position == null || position.phase() != SyncCheckpoint.Phase.FOLLOWING
                ? new SyncImport(this, true).run(position, null)
                : null;
        if (stop == null) {
          stop = follow(Objects.requireNonNull(currentCursor()));
        }
      } catch (BudgetSpent e) {
        stop = SyncReport.Stop.TIME_BUDGET;
      }
      return new SyncReport(
          stop, imported, upserts, deletes, removed, pages, reimport, position, budget.elapsed());
    } catch (CheckpointLeaseException e) {
      throw SyncFailures.lease("unlock", sync.store, e);
    } catch (IOException e) {
      throw SyncFailures.store("unlock", sync.store, e);
    }
  }

  private @Nullable String currentCursor() {
    return position == null ? null : position.feedCursor();
  }

  // --- the change feed ----------------------------------------------------------------------

  private SyncReport.Stop follow(String from) {
    String cursor = from;
    int limit = sync.pageSize;
    int fitted = 0;
    int stalls = 0;
    int completed = 0;
    Prefetch prefetch = null;
    try {
      while (true) {
        if (budget.timeSpent()) {
          return SyncReport.Stop.TIME_BUDGET;
        }
        if (budget.pagesSpent()) {
          return SyncReport.Stop.PAGE_BUDGET;
        }
        ChangePage page;
        try {
          Prefetch p = prefetch;
          prefetch = null;
          page = fetch(cursor, limit, p);
        } catch (HirfaException e) {
          if (SyncFailures.tooLarge(e)) {
            // Changes of large products edited together: ask for fewer at a time.
            if (limit == 1) {
              throw tooLargeForOnePage(e);
            }
            limit = Math.max(1, limit / 2);
            fitted = 0;
            continue;
          }
          SyncReport.Reimport why = SyncFailures.refusedCursor(e);
          if (why == null) {
            throw stopOrWrap(e, "reading the change feed");
          }
          cursor = reimport(why, e);
          continue;
        }
        budget.pageRead();
        pages++;
        // A page that does not move the cursor (a repeated page) holds nothing after it: its
        // changes are older than the position. Handing them over could let a crash mid-page leave
        // a stale upsert applied whose later deletion the saved position no longer covers.
        boolean moved = !page.nextCursor().equals(cursor);
        boolean stalled = page.hasMore() && !moved;
        if (limit < sync.pageSize && ++fitted >= GROW_AFTER) {
          limit = Math.min(sync.pageSize, limit * 2);
          fitted = 0;
        }
        if (sync.prefetch && page.hasMore() && !stalled && !budget.pagesSpent()) {
          prefetch = prefetch(page.nextCursor(), limit);
        }
        for (ProductChange c : moved ? page.data() : List.<ProductChange>of()) {
          // Mid-page, the checkpoint stays at the page's start: stopping here replays what this
          // page handed over. The first page always completes, so every run makes progress.
          if (completed > 0 && budget.timeSpent()) {
            throw new BudgetSpent();
          }
          apply(c);
        }
        completed++;
        save(SyncCheckpoint.following(page.nextCursor()));
        cursor = page.nextCursor();
        if (!page.hasMore()) {
          return SyncReport.Stop.CAUGHT_UP;
        }
        if (!stalled) {
          stalls = 0;
        } else if (++stalls > MAX_STALLS) {
          return SyncReport.Stop.FEED_STALLED;
        } else {
          pause(stallBackoff(stalls));
        }
      }
    } finally {
      if (prefetch != null) {
        prefetch.future().cancel(true);
      }
    }
  }

  /** Re-imports the catalog after the API refused the cursor; returns the new cursor. */
  private String reimport(SyncReport.Reimport why, HirfaException refusal) {
    if (++reimports > MAX_REIMPORTS) {
      throw new CatalogSyncException(
          "the change feed refused the cursor of a fresh export (" + why + ")",
          CatalogSyncException.Remedy.CONTACT_SUPPORT,
          refusal.diagnostics(),
          refusal);
    }
    // Saved first: a crash during the re-import restarts it instead of retrying the dead cursor.
    save(SyncCheckpoint.reconciling(null));
    SyncReport.Stop stop = new SyncImport(this, false).run(position, why);
    if (stop != null) {
      throw new BudgetSpent();
    }
    return Objects.requireNonNull(currentCursor());
  }

  private void apply(ProductChange c) {
    if (c.isDelete()) {
      // A version below 1 breaks the contract (a missing one is refused when decoding); a deletion
      // is final anyway (ids are never reused), so it outranks every version held.
      long version = c.version() > 0 ? c.version() : Long.MAX_VALUE;
      handle(new CatalogChange.Delete(c.changeId(), c.productId(), version));
      deletes++;
      return;
    }
    Product product = c.product();
    if (product == null) {
      // A thin change: read the product as it is now (its version may be newer: still correct).
      product = fetchProduct(c.productId());
      if (product == null) {
        return; // deleted since: the feed holds its deletion after this change
      }
    }
    handle(new CatalogChange.Upsert(c.changeId(), product));
    upserts++;
  }

  private @Nullable Product fetchProduct(String id) {
    try {
      return sync.products.get(id, budget.callOptions());
    } catch (NotFoundException gone) {
      return null;
    } catch (HirfaException e) {
      throw stopOrWrap(e, "reading product " + id + " for a change without it");
    }
  }

  private ChangePage fetch(String cursor, int limit, @Nullable Prefetch prefetched) {
    if (prefetched != null) {
      if (prefetched.cursor().equals(cursor) && prefetched.limit() == limit) {
        return await(prefetched.future());
      }
      prefetched.future().cancel(true);
    }
    return runtime.execute(
        sync.products.changesRequest(cursor, limit, budget.callOptions()), CHANGES);
  }

  private Prefetch prefetch(String cursor, int limit) {
    return new Prefetch(
        cursor,
        limit,
        runtime.executeAsync(
            sync.products.changesRequest(cursor, limit, budget.callOptions()), CHANGES));
  }

  /**
   * The prefetched page, or its failure exactly as a direct fetch would have thrown it: the
   * client's pipeline already retried it (waiting out any {@code Retry-After}), so nothing here
   * sends another request early.
   */
  private static ChangePage await(CompletableFuture<ChangePage> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the prefetch failed", e.getCause());
    } catch (CancellationException e) {
      throw new IllegalStateException("the prefetch was cancelled", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  /** The stall back-off: the client's retry policy's, doubling from its initial back-off. */
  private Duration stallBackoff(int stalls) {
    RetryPolicy policy = runtime.options().retryPolicy();
    Duration wait = policy.initialBackoff().multipliedBy(1L << Math.min(stalls - 1, 20));
    return wait.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : wait;
  }

  private CatalogSyncException tooLargeForOnePage(HirfaException e) {
    return new CatalogSyncException(
        "one change of the feed is larger than maxResponseBytes ("
            + runtime.options().maxResponseBytes()
            + " bytes) even in a page of one",
        CatalogSyncException.Remedy.RAISE_MAX_RESPONSE_BYTES,
        e.diagnostics(),
        e);
  }

  // --- shared by the import -----------------------------------------------------------------

  /** The run's failure for {@code e}: a spent budget ends the run quietly, anything else throws. */
  RuntimeException stopOrWrap(HirfaException e, String doing) {
    if (e instanceof ConnectionException && budget.timeSpent()) {
      return new BudgetSpent();
    }
    return SyncFailures.wrap(e, doing);
  }

  void pause(Duration wait) {
    if (wait.compareTo(budget.remaining()) >= 0) {
      throw new BudgetSpent();
    }
    try {
      runtime.options().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  private static CatalogSyncException interrupted(InterruptedException e) {
    return new CatalogSyncException(
        "the sync was interrupted", CatalogSyncException.Remedy.RUN_AGAIN, null, e);
  }

  void handle(CatalogChange change) {
    try {
      sync.handler.handle(change);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CatalogSync.SyncHandlerException(change.changeId(), e);
    }
  }

  Set<String> heldIds() {
    Set<String> held = new HashSet<>();
    try (Stream<String> ids = sync.heldProductIds.get()) {
      ids.forEach(held::add);
    }
    return held;
  }

  private @Nullable SyncCheckpoint load() {
    try {
      return sync.store.load();
    } catch (CheckpointLeaseException e) {
      throw SyncFailures.lease("load", sync.store, e);
    } catch (IOException e) {
      throw SyncFailures.store("load", sync.store, e);
    }
  }

  void save(SyncCheckpoint checkpoint) {
    try {
      sync.store.save(checkpoint);
    } catch (CheckpointLeaseException e) {
      throw SyncFailures.lease("save", sync.store, e);
    } catch (IOException e) {
      throw SyncFailures.store("save", sync.store, e);
    }
    position = checkpoint;
  }

  private record Prefetch(String cursor, int limit, CompletableFuture<ChangePage> future) {}

  /** Unwinds a run whose time budget is spent; the run returns its report. */
  static final class BudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetSpent() {
      super("the run's time budget is spent", null, false, false);
    }
  }
}
