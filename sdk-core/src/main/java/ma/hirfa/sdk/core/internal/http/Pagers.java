package ma.hirfa.sdk.core.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.PageFetcher;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/** Page fetchers on the client's runtime: sync for the walk, async (OkHttp) for the prefetch. */
public final class Pagers {
  private Pagers() {}

  public static <T> PageFetcher<T> fetcher(
      ClientRuntime runtime,
      TypeRef<Page<T>> type,
      Function<@Nullable String, ApiRequest> request) {
    return new PageFetcher<>() {
      @Override
      public Page<T> fetch(@Nullable String cursor) {
        return runtime.execute(request.apply(cursor), type);
      }

      @Override
      public CompletableFuture<Page<T>> fetchAsync(@Nullable String cursor) {
        return runtime.executeAsync(request.apply(cursor), type);
      }
    };
  }

  /**
   * An auto-pager that starts at {@code startCursor} (a cursor the caller kept from an earlier
   * page), or at the first page when it is null.
   */
  public static <T> AutoPager<T> autoPager(
      ClientRuntime runtime,
      TypeRef<Page<T>> type,
      @Nullable String startCursor,
      Function<@Nullable String, ApiRequest> request) {
    PageFetcher<T> fetcher = fetcher(runtime, type, request);
    return startCursor == null ? AutoPager.of(fetcher) : AutoPager.startingAt(fetcher, startCursor);
  }
}
