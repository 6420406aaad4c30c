package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Derived futures that stay cancellable on the wire. A plain {@code thenApply} returns a future
 * whose {@code cancel} does not reach the call it depends on; the futures made here pass a cancel
 * on to their source, so that cancelling what a service returned cancels the HTTP call and any
 * scheduled retry.
 */
public final class Futures {
  private Futures() {}

  /** {@code source.thenApply(map)}, cancelling {@code source} when the result is cancelled. */
  public static <A, B> CompletableFuture<B> map(
      CompletableFuture<A> source, Function<? super A, ? extends B> map) {
    CompletableFuture<B> result = source.thenApply(map);
    cancelWith(result, source);
    return result;
  }

  /** Cancels {@code source} once {@code result} is cancelled. */
  public static void cancelWith(CompletableFuture<?> result, CompletableFuture<?> source) {
    var unused =
        result.whenComplete(
            (value, error) -> {
              if (result.isCancelled()) {
                source.cancel(true);
              }
            });
  }
}
