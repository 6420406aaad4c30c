package ma.hirfa.sdk.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.ConnectionException;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.RateLimitException;
import ma.hirfa.sdk.core.Sleeper;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ApiResponse;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Imports the whole catalog once, then follows the change feed, handing every upsert and delete to
 * your handler and saving a checkpoint only after the handler succeeded. Killed at any point and
 * run again, it resumes from the last checkpoint: no change is skipped, and a change handled but
 * not yet checkpointed is handed over again with the same {@link CatalogChange#changeId()}.
 *
 * <pre>{@code
 * CatalogSync sync = CatalogSync.builder(catalog)
 *     .checkpointStore(FileCheckpointStore.at(Path.of("hirfa-sync.checkpoint")))
 *     .handler(change -> {
 *       if (change instanceof CatalogChange.Upsert u) {
 *         shop.save(u.product());                      // idempotent: keyed by product id
 *       } else {
 *         shop.remove(change.productId());
 *       }
 *     })
 *     .build();
 * SyncReport report = sync.runUntilCaughtUp();   // run it again (every minute, say) to stay in sync
 * }</pre>
 *
 * <p><b>Rate limits.</b> When the quota is spent ({@code RateLimit-Remaining: 0}) it waits for the
 * window to reset before its next request, and a {@code 429} makes it wait {@code Retry-After} and
 * try again instead of failing; {@link SyncReport#rateLimitWaits()} counts the waits.
 * <b>Prefetch.</b> While your handler works on a page of the feed, the next page is already on its
 * way.
 *
 * <p>One sync at a time per checkpoint store; a {@code CatalogSync} is not for concurrent use.
 */
public final class CatalogSync {
  private static final TypeRef<ChangePage> CHANGES = TypeRef.of(ChangePage.class);
  private static final int MAX_RESUMES = 20;
  private static final CallDiagnostics FEED =
      new CallDiagnostics("GET", "/v1/products/changes", 0, null, null, null, 0);

  private final ProductService products;
  private final ClientRuntime runtime;
  private final CheckpointStore store;
  private final CatalogChangeHandler handler;
  private final int pageSize;
  private final int checkpointEvery;
  private final boolean prefetch;
  private final Duration maxRateLimitWait;
  private final Consumer<ExportProgress> progress;
  private final Sleeper sleeper;

  private long imported;
  private long upserts;
  private long deletes;
  private int pages;
  private int rateLimitWaits;

  private CatalogSync(Builder b) {
    this.products = b.client.products();
    this.runtime = products.runtime();
    this.store = Checks.required("checkpointStore", b.store);
    this.handler = Checks.required("handler", b.handler);
    this.pageSize = b.pageSize;
    this.checkpointEvery = b.checkpointEvery;
    this.prefetch = b.prefetch;
    this.maxRateLimitWait = b.maxRateLimitWait;
    this.progress = b.progress;
    this.sleeper = runtime.options().sleeper();
  }

  public static Builder builder(CatalogClient client) {
    return new Builder(Objects.requireNonNull(client, "client == null"));
  }

  /**
   * Imports (or resumes importing) when no import finished yet, then reads the change feed until it
   * has no more changes. Throws what the handler or the store threw, or a {@link HirfaException}
   * the sync could not get past; the checkpoint stays at the last change handled.
   */
  public SyncReport runUntilCaughtUp() {
    imported = 0;
    upserts = 0;
    deletes = 0;
    pages = 0;
    rateLimitWaits = 0;
    SyncCheckpoint checkpoint = load();
    if (checkpoint == null || checkpoint.phase() == SyncCheckpoint.Phase.IMPORTING) {
      checkpoint = importCatalog(checkpoint);
    }
    String cursor = follow(checkpoint.feedCursor());
    return new SyncReport(imported, upserts, deletes, pages, rateLimitWaits, cursor);
  }

  // --- the import ---------------------------------------------------------------------------

  private SyncCheckpoint importCatalog(@Nullable SyncCheckpoint from) {
    String cursor = from == null ? null : from.feedCursor();
    String after = from == null ? null : from.lastProductId();
    for (int resumes = 0; ; resumes++) {
      String resumeAfter = after;
      try (ProductExport export =
          withRateLimit(
              () ->
                  resumeAfter == null
                      ? products.export(progress)
                      : products.exportAfter(resumeAfter, progress))) {
        if (cursor == null) {
          cursor = export.exportCursor();
        }
        long sinceCheckpoint = 0;
        for (Product p : export) {
          handle(new CatalogChange.Upsert("exp_" + p.id() + "_" + p.version(), p));
          imported++;
          after = p.id();
          if (++sinceCheckpoint == checkpointEvery && cursor != null) {
            save(SyncCheckpoint.importing(cursor, after));
            sinceCheckpoint = 0;
          }
        }
        // The first attempt's cursor is kept: the feed replays every change since it began.
        String done = cursor != null ? cursor : Objects.requireNonNull(export.exportCursor());
        SyncCheckpoint following = SyncCheckpoint.following(done);
        save(following);
        return following;
      } catch (ConnectionException e) {
        if (resumes >= MAX_RESUMES) {
          throw e;
        }
        if (cursor != null && after != null) {
          save(SyncCheckpoint.importing(cursor, after));
        }
        pause(Duration.ofMillis(Math.min(100L << Math.min(resumes, 6), 5_000)));
      }
    }
  }

  // --- the change feed ----------------------------------------------------------------------

  private String follow(String from) {
    String cursor = from;
    CompletableFuture<ApiResponse> next = null;
    while (true) {
      ChangePage page = next == null ? fetch(cursor) : await(next, cursor);
      next = null;
      pages++;
      if (prefetch && page.hasMore()) {
        next = runtime.executeAsync(products.changesRequest(page.nextCursor(), pageSize));
      }
      try {
        for (ProductChange c : page.data()) {
          if (c.isDelete()) {
            handle(new CatalogChange.Delete(c.changeId(), c.productId()));
            deletes++;
          } else {
            handle(
                new CatalogChange.Upsert(
                    c.changeId(), Checks.required("changes.product", c.product())));
            upserts++;
          }
        }
        save(SyncCheckpoint.following(page.nextCursor()));
      } catch (RuntimeException e) {
        if (next != null) {
          next.cancel(true);
        }
        throw e;
      }
      cursor = page.nextCursor();
      if (!page.hasMore()) {
        return cursor;
      }
    }
  }

  private ChangePage fetch(String cursor) {
    return withRateLimit(() -> read(runtime.execute(products.changesRequest(cursor, pageSize))));
  }

  /** The prefetched page; if prefetching failed (a 429, say), fetches it again the normal way. */
  private ChangePage await(CompletableFuture<ApiResponse> future, String cursor) {
    try {
      return read(future.get());
    } catch (ExecutionException | CancellationException e) {
      return fetch(cursor);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting for the change feed", FEED, true, e);
    }
  }

  /** Decodes a page and, if the quota is spent, waits for it to reset before the next request. */
  private ChangePage read(ApiResponse response) {
    ChangePage page = runtime.decode(response, CHANGES);
    String remaining = response.header("RateLimit-Remaining");
    String reset = response.header("RateLimit-Reset");
    if ("0".equals(remaining) && reset != null && page.hasMore()) {
      try {
        rateLimitWaits++;
        pause(capped(Duration.ofSeconds(Long.parseLong(reset.trim()))));
      } catch (NumberFormatException ignored) {
        // A malformed header: the next request learns the limit from a 429 instead.
      }
    }
    return page;
  }

  // --- helpers ------------------------------------------------------------------------------

  /** Runs a call, waiting out 429s (Retry-After, capped) for up to maxRateLimitWait in total. */
  private <T> T withRateLimit(java.util.function.Supplier<T> call) {
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        return call.get();
      } catch (RateLimitException e) {
        Duration wait = capped(e.retryAfter() == null ? Duration.ofSeconds(1) : e.retryAfter());
        waited = waited.plus(wait);
        if (waited.compareTo(maxRateLimitWait) > 0) {
          throw e;
        }
        rateLimitWaits++;
        pause(wait);
      }
    }
  }

  private Duration capped(Duration wait) {
    return wait.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : wait;
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting to sync", FEED, false, e);
    }
  }

  private void handle(CatalogChange change) {
    try {
      handler.handle(change);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SyncHandlerException(change.changeId(), e);
    }
  }

  private @Nullable SyncCheckpoint load() {
    try {
      return store.load();
    } catch (IOException e) {
      throw new UncheckedIOException("could not load the sync checkpoint", e);
    }
  }

  private void save(SyncCheckpoint checkpoint) {
    try {
      store.save(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the sync checkpoint", e);
    }
  }

  /** A checked exception thrown by the handler, with the change it failed on. */
  public static final class SyncHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String changeId;

    SyncHandlerException(String changeId, Exception cause) {
      super("the handler failed on change " + changeId, cause);
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
    private int pageSize = 100;
    private int checkpointEvery = 500;
    private boolean prefetch = true;
    private Duration maxRateLimitWait = Duration.ofMinutes(10);
    private Consumer<ExportProgress> progress = p -> {};

    private Builder(CatalogClient client) {
      this.client = client;
    }

    /** Required: where the checkpoint lives. */
    public Builder checkpointStore(CheckpointStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** Required: applies each change to your store. */
    public Builder handler(CatalogChangeHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
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
     * During the import, saves a checkpoint every {@code products} products (default 500): fewer
     * products handed over again after a crash, more writes to the store.
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

    /** How long to wait out rate limiting in total before giving up (default 10 minutes). */
    public Builder maxRateLimitWait(Duration max) {
      if (max.isNegative()) {
        throw new ValidationException("maxRateLimitWait", "must not be negative but was " + max);
      }
      this.maxRateLimitWait = max;
      return this;
    }

    /** Told of the import's progress (products, bytes, rate). */
    public Builder importProgress(Consumer<ExportProgress> progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    public CatalogSync build() {
      return new CatalogSync(this);
    }
  }
}
