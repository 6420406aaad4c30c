package ma.hirfa.sdk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Futures;
import org.jspecify.annotations.Nullable;

/**
 * The request/response operations of {@link ProductService}, each returning a {@link
 * CompletableFuture} at once: from {@code catalog.products().async()}. The future completes or
 * fails as the blocking call would; cancelling it cancels the HTTP call and any scheduled retry.
 * Invalid arguments are refused at once with a {@link ma.hirfa.sdk.core.ValidationException}. The
 * streamed export and the auto-pager are iterators and stay synchronous.
 */
public final class ProductServiceAsync {
  private final ClientRuntime runtime;
  private final ProductService sync;

  ProductServiceAsync(ClientRuntime runtime, ProductService sync) {
    this.runtime = runtime;
    this.sync = sync;
  }

  public CompletableFuture<Product> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Product> get(String id, RequestOptions options) {
    return runtime.executeAsync(ProductService.getRequest(id, options), ProductService.PRODUCT);
  }

  public CompletableFuture<Page<Product>> list(ProductListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Product>> list(ProductListParams params, RequestOptions options) {
    return runtime.executeAsync(ProductService.listRequest(params, options), ProductService.PAGE);
  }

  public CompletableFuture<Product> create(ProductCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Product> create(ProductCreateParams params, RequestOptions options) {
    return runtime.executeAsync(
        ProductService.createRequest(params, options), ProductService.PRODUCT);
  }

  public CompletableFuture<Product> update(String id, String etag, ProductUpdateParams params) {
    return update(id, etag, params, RequestOptions.none());
  }

  public CompletableFuture<Product> update(
      String id, String etag, ProductUpdateParams params, RequestOptions options) {
    return runtime.executeAsync(
        ProductService.updateRequest(id, etag, params, options), ProductService.PRODUCT);
  }

  public CompletableFuture<Product> archive(String id) {
    return archive(id, RequestOptions.none());
  }

  public CompletableFuture<Product> archive(String id, RequestOptions options) {
    return runtime.executeAsync(ProductService.archiveRequest(id, options), ProductService.PRODUCT);
  }

  public CompletableFuture<Void> delete(String id, ProductDeleteParams params) {
    return delete(id, params, RequestOptions.none());
  }

  public CompletableFuture<Void> delete(
      String id, ProductDeleteParams params, RequestOptions options) {
    return Futures.map(
        runtime.executeAsync(ProductService.deleteRequest(id, params, options)), response -> null);
  }

  public CompletableFuture<BatchResult> upsert(List<ProductCreateParams> items) {
    return upsert(items, RequestOptions.none());
  }

  public CompletableFuture<BatchResult> upsert(
      List<ProductCreateParams> items, RequestOptions options) {
    return runtime.executeAsync(ProductBatches.request(items, options), ProductService.BATCH);
  }

  public CompletableFuture<BatchResult> upsertAll(List<ProductCreateParams> items) {
    return upsertAll(items, RequestOptions.none());
  }

  /**
   * The batches one after the other, as {@link ProductService#upsertAll(List, RequestOptions)}
   * sends them; cancelling the future cancels the batch in flight and sends no further one.
   */
  public CompletableFuture<BatchResult> upsertAll(
      List<ProductCreateParams> items, RequestOptions options) {
    List<List<ProductCreateParams>> batches = ProductBatches.split(items);
    List<RequestOptions> perBatch = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      perBatch.add(ProductBatches.options(options, b, batches.size()));
    }
    CompletableFuture<BatchResult> result = new CompletableFuture<>();
    AtomicReference<@Nullable CompletableFuture<BatchResult>> inFlight = new AtomicReference<>();
    var unused =
        result.whenComplete(
            (value, error) -> {
              CompletableFuture<BatchResult> current = inFlight.get();
              if (result.isCancelled() && current != null) {
                current.cancel(true);
              }
            });
    next(batches, perBatch, new ArrayList<>(), result, inFlight);
    return result;
  }

  private void next(
      List<List<ProductCreateParams>> batches,
      List<RequestOptions> options,
      List<BatchResult> done,
      CompletableFuture<BatchResult> result,
      AtomicReference<@Nullable CompletableFuture<BatchResult>> inFlight) {
    if (result.isDone()) {
      return;
    }
    int b = done.size();
    if (b == batches.size()) {
      result.complete(ProductBatches.join(done));
      return;
    }
    CompletableFuture<BatchResult> call;
    try {
      call = upsert(batches.get(b), options.get(b));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    inFlight.set(call);
    if (result.isCancelled()) {
      call.cancel(true);
      return;
    }
    var unused =
        call.whenComplete(
            (value, error) -> {
              if (error != null) {
                result.completeExceptionally(unwrap(error));
              } else {
                done.add(value);
                next(batches, options, done, result, inFlight);
              }
            });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  public CompletableFuture<ChangePage> changes(String cursor, int limit) {
    return changes(cursor, limit, RequestOptions.none());
  }

  public CompletableFuture<ChangePage> changes(String cursor, int limit, RequestOptions options) {
    return runtime.executeAsync(
        sync.changesRequest(cursor, limit, options), ProductService.CHANGES);
  }
}
