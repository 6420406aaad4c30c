package ma.hirfa.sdk.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Walks every item of a cursor-paginated list, fetching pages lazily: nothing is fetched before the
 * first {@code hasNext()}, and only the current page (plus, with prefetch, the next one) is held in
 * memory, so a list of a million items iterates in flat memory.
 *
 * <pre>{@code
 * for (Payment p : client.payments().listAutoPaging(params)) {
 *   ledger.record(p);
 * }
 * long refunds = client.refunds().listAutoPaging(RefundListParams.defaults()).stream().count();
 * }</pre>
 *
 * <p>Failures surface as the SDK's typed exceptions from {@code hasNext()} / {@code next()}; each
 * page fetch is retried by the client's {@link RetryPolicy} first. With {@link #withPrefetch()} the
 * next page is requested while the caller works on the current one. Each {@link #iterator()} starts
 * again from the first page; iterators are not thread-safe.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final PageFetcher<T> fetcher;
  private final @Nullable String startCursor;
  private final boolean prefetch;

  private AutoPager(PageFetcher<T> fetcher, @Nullable String startCursor, boolean prefetch) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.startCursor = startCursor;
    this.prefetch = prefetch;
  }

  /** Walks from the first page. */
  public static <T> AutoPager<T> of(PageFetcher<T> fetcher) {
    return new AutoPager<>(fetcher, null, false);
  }

  /** Walks from the page at {@code cursor}, for resuming a walk. */
  public static <T> AutoPager<T> startingAt(PageFetcher<T> fetcher, String cursor) {
    return new AutoPager<>(fetcher, Objects.requireNonNull(cursor, "cursor == null"), false);
  }

  /** The same walk, requesting each next page as soon as the current one arrives. */
  public AutoPager<T> withPrefetch() {
    return new AutoPager<>(fetcher, startCursor, true);
  }

  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  /** The items as a sequential, ordered stream; closing it cancels a pending prefetch. */
  public Stream<T> stream() {
    ItemIterator it = new ItemIterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(it::cancelPrefetch);
  }

  private final class ItemIterator implements Iterator<T> {
    private @Nullable Page<T> page;
    private int index;
    private @Nullable CompletableFuture<Page<T>> next;

    @Override
    public boolean hasNext() {
      Page<T> current = page;
      if (current == null) {
        current = load(startCursor);
      }
      // An empty page with has_more is legal (filtered lists); keep walking until items or end.
      while (index >= current.data().size() && current.hasMore()) {
        current = load(current.nextCursor());
      }
      return index < current.data().size();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<T> current = Objects.requireNonNull(page);
      return current.data().get(index++);
    }

    private Page<T> load(@Nullable String cursor) {
      CompletableFuture<Page<T>> pending = next;
      next = null;
      Page<T> loaded = pending != null ? join(pending) : fetcher.fetch(cursor);
      page = loaded;
      index = 0;
      if (prefetch && loaded.hasMore()) {
        next = fetcher.fetchAsync(loaded.nextCursor());
      }
      return loaded;
    }

    void cancelPrefetch() {
      CompletableFuture<Page<T>> pending = next;
      if (pending != null) {
        pending.cancel(true);
      }
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new HirfaException("interrupted while waiting for the next page", null, e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new HirfaException("fetching the next page failed", null, cause);
    } catch (CancellationException e) {
      throw new HirfaException("fetching the next page was cancelled", null, e);
    }
  }
}
