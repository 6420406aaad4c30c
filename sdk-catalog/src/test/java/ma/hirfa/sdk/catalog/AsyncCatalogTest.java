package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code async()} views of the catalog client against the sandbox: completion, the typed
 * failure, cancellation on the wire (also through the derived futures of {@code delete}, the
 * taxonomy and {@code upsertAll}), and the batches' own idempotency keys.
 */
class AsyncCatalogTest {
  Sandbox sandbox;
  CatalogClient catalog;
  final List<AttemptStart> started = new CopyOnWriteArrayList<>();
  final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(30).start();
    catalog =
        CatalogClient.builder()
            .apiKey(sandbox.apiKey())
            .baseUrl(sandbox.baseUrl())
            .configure(
                o ->
                    o.addListener(
                        new CallListener() {
                          @Override
                          public void attemptStarted(
                              AttemptStart a, BiConsumer<String, String> headers) {
                            started.add(a);
                          }

                          @Override
                          public void attemptFinished(AttemptEvent e) {
                            attempts.add(e);
                          }
                        }))
            .build();
  }

  @AfterEach
  void stop() {
    catalog.close();
    sandbox.close();
  }

  @Test
  void anAsyncReadCompletesWithWhatTheBlockingReadReturns() throws Exception {
    Product product = catalog.products().async().get("prd_S000002").get(10, TimeUnit.SECONDS);
    Taxonomy first = catalog.taxonomy().async().get().get(10, TimeUnit.SECONDS);

    assertThat(product).isEqualTo(catalog.products().get("prd_S000002"));
    assertThat(catalog.taxonomy().get()).as("one ETag cache for both forms").isSameAs(first);
    assertThat(catalog.taxonomy().async().get().get(10, TimeUnit.SECONDS)).isSameAs(first);
  }

  @Test
  void anAsyncCallFailsWithTheTypedException() {
    assertThatThrownBy(() -> catalog.products().async().get("prd_Nope").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
    Product p = catalog.products().get("prd_S000003");
    catalog.products().archive(p.id());
    CompletableFuture<Void> stale =
        catalog.products().async().delete(p.id(), ProductDeleteParams.ifMatch(p.etag()));
    assertThatThrownBy(() -> stale.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(VersionConflictException.class);
    assertThat(sandbox.catalog().productCount()).isEqualTo(30);
  }

  @Test
  void cancellingAnAsyncDeleteCancelsTheCallOnTheWire() throws Exception {
    // The sandbox deletes the product, then holds the answer for 5 s.
    sandbox.faults().delay("DELETE", "/v1/products/prd_S000004", Duration.ofSeconds(5), 1);
    CompletableFuture<Void> future =
        catalog.products().async().delete("prd_S000004", ProductDeleteParams.anyVersion());
    waitFor(() -> sandbox.catalog().productCount() == 29);
    assertThat(sandbox.catalog().productCount())
        .as("the request reached the sandbox")
        .isEqualTo(29);
    assertThat(catalog.runtime().connectionCount()).isEqualTo(1);

    long cancelledAt = System.nanoTime();
    assertThat(future.cancel(true)).isTrue();

    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    waitFor(() -> catalog.runtime().connectionCount() == 0);
    assertThat(catalog.runtime().connectionCount()).as("the connection was closed").isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(2));
    Thread.sleep(500);
    assertThat(started).as("no retry after a cancel").hasSize(1);
  }

  @Test
  void upsertAllAsyncSendsEachBatchWithItsOwnKeyAndARepeatAppliesNothingAgain() throws Exception {
    List<ProductCreateParams> items = new ArrayList<>();
    for (int i = 0; i < 620; i++) {
      items.add(CatalogClientTest.kilim("ASYNC-" + i).build());
    }
    RequestOptions key = RequestOptions.builder().idempotencyKey("import-2026-11-29").build();

    BatchResult result = catalog.products().async().upsertAll(items, key).get(30, TimeUnit.SECONDS);
    int afterFirst = sandbox.catalog().productCount();
    BatchResult again = catalog.products().upsertAll(items, key);

    assertThat(result.results()).hasSize(620);
    assertThat(result.results().get(619).index()).isEqualTo(619);
    assertThat(result.results().get(619).sku()).isEqualTo("ASYNC-619");
    assertThat(afterFirst).isEqualTo(30 + 620);
    assertThat(sandbox.catalog().productCount())
        .as("the repeat was replayed")
        .isEqualTo(afterFirst);
    assertThat(again.results())
        .extracting(BatchResult.Item::productId)
        .isEqualTo(result.results().stream().map(BatchResult.Item::productId).toList());
    assertThat(attempts)
        .extracting(AttemptEvent::idempotencyKey)
        .containsExactly(
            "import-2026-11-29.1",
            "import-2026-11-29.2",
            "import-2026-11-29.1",
            "import-2026-11-29.2");
  }

  @Test
  void cancellingUpsertAllCancelsTheBatchInFlightAndSendsNoFurtherOne() throws Exception {
    List<ProductCreateParams> items = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      items.add(CatalogClientTest.kilim("CUT-" + i).build());
    }
    sandbox.faults().delay("POST", "/v1/products/batch", Duration.ofSeconds(5), 1);

    CompletableFuture<BatchResult> future = catalog.products().async().upsertAll(items);
    waitFor(() -> sandbox.catalog().productCount() == 30 + 500);
    assertThat(future.cancel(true)).isTrue();

    waitFor(() -> catalog.runtime().connectionCount() == 0);
    assertThat(catalog.runtime().connectionCount()).as("the first batch's call was cut").isZero();
    Thread.sleep(1_000);
    assertThat(started).as("no second batch").hasSize(1);
    assertThat(sandbox.catalog().productCount()).isEqualTo(30 + 500);
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
