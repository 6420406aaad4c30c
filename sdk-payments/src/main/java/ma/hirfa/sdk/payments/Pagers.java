package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.PageFetcher;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/** Page fetchers on the client's runtime: sync for the walk, async (OkHttp) for the prefetch. */
final class Pagers {
  private Pagers() {}

  static <T> PageFetcher<T> fetcher(
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

  static <T> AutoPager<T> autoPager(
      ClientRuntime runtime,
      TypeRef<Page<T>> type,
      Function<@Nullable String, ApiRequest> request) {
    return AutoPager.of(fetcher(runtime, type, request));
  }
}
