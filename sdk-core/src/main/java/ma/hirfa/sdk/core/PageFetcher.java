package ma.hirfa.sdk.core;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one page of a list by cursor; {@code null} asks for the first page. Services implement
 * both methods on the SDK's own transport; a lambda gets an asynchronous variant that runs {@link
 * #fetch} on a new daemon thread.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
  Page<T> fetch(@Nullable String cursor);

  /** Fetches a page without blocking the caller; used to prefetch the next page. */
  default CompletableFuture<Page<T>> fetchAsync(@Nullable String cursor) {
    CompletableFuture<Page<T>> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(fetch(cursor));
              } catch (RuntimeException e) {
                future.completeExceptionally(e);
              }
            },
            "hirfa-prefetch");
    thread.setDaemon(true);
    thread.start();
    return future;
  }
}
