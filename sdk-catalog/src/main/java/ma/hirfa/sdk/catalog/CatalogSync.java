package ma.hirfa.sdk.catalog;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps your store equal to the catalog: imports the whole catalog once, then follows the change
 * feed, handing every upsert and delete to your handler and saving a checkpoint only after the
 * handler succeeded. Whatever happens between runs (a crash at any step, a cut stream, an expired
 * feed cursor, a misbehaving server) the next run converges again without a manual step.
 *
 * <pre>{@code
 * CatalogSync sync = CatalogSync.builder(catalog)
 *     .checkpointStore(FileCheckpointStore.at(Path.of("hirfa-sync.checkpoint")))
 *     .heldProductIds(() -> shop.productIds().stream())   // what your store holds, by id
 *     .handler(change -> {
 *       if (change.version() > shop.versionOf(change.productId())) {  // tombstones count
 *         if (change instanceof CatalogChange.Upsert u) shop.save(u.product());
 *         else shop.delete(change.productId(), change.version());
 *       }
 *     })
 *     .build();
 * SyncReport report = sync.runUntilCaughtUp();   // run it again (every minute, say) to stay in sync
 * }</pre>
 *
 * <p><b>What the handler must do.</b> Changes can arrive more than once and out of order (the feed
 * delivers at least once; a crash replays what was not checkpointed), so apply a change only when
 * its {@link CatalogChange#version()} is greater than the version you hold for that id, deleted ids
 * included (keep a tombstone with the deletion's version for at least the feed's retention).
 *
 * <p><b>How it stays correct.</b> The feed position is saved the moment an export opens, before the
 * first product; a cut export resumes after the last product handled with that first position. An
 * expired or refused cursor, or an export without a position, starts a full re-import that also
 * hands over a delete for every id {@link Builder#heldProductIds} lists and the catalog no longer
 * has ({@link SyncReport#removed()}). An upsert without its product (a thin change) is completed by
 * reading the product; a feed page larger than {@code maxResponseBytes} is asked for again in
 * smaller pages.
 *
 * <p><b>Bounds.</b> A run stops when its {@link Builder#runBudget time} or {@link
 * Builder#maxFeedPages pages} are spent, or when the feed stops moving, and says so in {@link
 * SyncReport#stop()}. Every call it makes has the run's remaining time as its deadline and up to 10
 * attempts (the client's retry pipeline waits out {@code 429}s and {@code Retry-After}); the sync
 * adds no retry layer of its own. A failure it cannot get past is a {@link CatalogSyncException}
 * saying what to do; the checkpoint stays at the last step that completed.
 *
 * <p>One run at a time per checkpoint store ({@link FileCheckpointStore} enforces it with a file
 * lock); a {@code CatalogSync} is not for concurrent use.
 */
public final class CatalogSync {
  final ProductService products;
  final CheckpointStore store;
  final CatalogChangeHandler handler;
  final Supplier<Stream<String>> heldProductIds;
  final int pageSize;
  final int checkpointEvery;
  final boolean prefetch;
  final Duration runBudget;
  final int maxFeedPages;
  final Consumer<ExportProgress> progress;

  private CatalogSync(Builder b) {
    this.products = b.client.products();
    this.store = CatalogChecks.required("checkpointStore", b.store);
    this.handler = CatalogChecks.required("handler", b.handler);
    this.heldProductIds = CatalogChecks.required("heldProductIds", b.heldProductIds);
    this.pageSize = b.pageSize;
    this.checkpointEvery = b.checkpointEvery;
    this.prefetch = b.prefetch;
    this.runBudget = b.runBudget;
    this.maxFeedPages = b.maxFeedPages;
    this.progress = b.progress;
  }

  public static Builder builder(CatalogClient client) {
    return new Builder(Objects.requireNonNull(client, "client == null"));
  }

  /**
   * Imports (or resumes importing) when no import finished yet, then reads the change feed until it
   * has no more changes, its budget is spent or the feed stops moving; the report says which.
   * Throws what the handler threw (a checked exception wrapped in {@link SyncHandlerException}),
   * what the checkpoint store threw as an unchecked exception, or a {@link CatalogSyncException}
   * naming what to do; the checkpoint stays at the last change handled.
   */
  public SyncReport runUntilCaughtUp() {
    return new SyncRun(this).run();
  }

  /** A checked exception thrown by the handler, with the change it failed on. */
  public static final class SyncHandlerException extends CatalogSyncException {
    private static final long serialVersionUID = 1L;
    private final String changeId;

    SyncHandlerException(String changeId, Exception cause) {
      super("the handler failed on change " + changeId, Remedy.FIX_HANDLER, null, cause);
      this.changeId = changeId;
    }

    public String changeId() {
      return changeId;
    }
  }

  /** Configures a {@link CatalogSync}. */
  public static final class Builder {
    private final CatalogClient client;
    private @Nullable CheckpointStore store;
    private @Nullable CatalogChangeHandler handler;
    private @Nullable Supplier<Stream<String>> heldProductIds;
    private int pageSize = 100;
    private int checkpointEvery = 500;
    private boolean prefetch = true;
    private Duration runBudget = Duration.ofMinutes(10);
    private int maxFeedPages = 10_000;
    private Consumer<ExportProgress> progress = p -> {};

    private Builder(CatalogClient client) {
      this.client = client;
    }

    /** Required: where the checkpoint lives. */
    public Builder checkpointStore(CheckpointStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** Required: applies each change to your store, idempotently by version. */
    public Builder handler(CatalogChangeHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Required: the ids of the products your store holds (not the tombstones), read at the start of
     * a full re-import. The re-import hands over a delete for each id it does not find in the
     * catalog, so products deleted while the feed could not tell you (an expired cursor, a lost
     * checkpoint) do not stay in your store. Held in memory while the re-import runs (about 100
     * bytes per id); the stream is closed after reading.
     */
    public Builder heldProductIds(Supplier<Stream<String>> ids) {
      this.heldProductIds = Objects.requireNonNull(ids, "ids == null");
      return this;
    }

    /** Changes per feed page, 1 to 100 (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new ValidationException("pageSize", "must be between 1 and 100 but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * During the first import, saves a checkpoint every {@code products} products (default 500):
     * fewer products handed over again after a crash, more writes to the store. The feed position
     * itself is saved before the first product, whatever this setting.
     */
    public Builder checkpointEvery(int products) {
      if (products < 1) {
        throw new ValidationException("checkpointEvery", "must be positive but was " + products);
      }
      this.checkpointEvery = products;
      return this;
    }

    /** Fetches the next feed page while the handler works on the current one (default on). */
    public Builder prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * The longest one run may take (default 10 minutes), measured on the client's clock: every call
     * gets what is left as its deadline, and the run returns with {@link
     * SyncReport.Stop#TIME_BUDGET} when it is spent, checkpointed where it stopped. A full
     * re-import cannot resume in a later run, so the budget must hold one whole export.
     */
    public Builder runBudget(Duration budget) {
      Objects.requireNonNull(budget, "budget == null");
      if (budget.isNegative() || budget.isZero()) {
        throw new ValidationException("runBudget", "must be positive but was " + budget);
      }
      this.runBudget = budget;
      return this;
    }

    /**
     * The most change-feed pages one run reads (default 10,000): a feed that changes faster than it
     * is read still lets the run return, with {@link SyncReport.Stop#PAGE_BUDGET}.
     */
    public Builder maxFeedPages(int pages) {
      if (pages < 1) {
        throw new ValidationException("maxFeedPages", "must be positive but was " + pages);
      }
      this.maxFeedPages = pages;
      return this;
    }

    /** Told of an import's progress (products, bytes, rate, announced total). */
    public Builder importProgress(Consumer<ExportProgress> progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    public CatalogSync build() {
      return new CatalogSync(this);
    }
  }
}
