package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.examples.ServiceSamples.Service;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cancelling the future of any asynchronous operation, in either form, cancels the call on the
 * wire: against a server that holds every request unanswered, the connection is closed at once and
 * no other attempt follows.
 */
class AsyncCancellationTest {
  static HoldingServer server;
  static PaymentsClient payments;
  static CatalogClient catalog;

  /** One form of one asynchronous operation. */
  record AsyncCall(Service service, Method method) {
    @Override
    public String toString() {
      return service.async().getClass().getSimpleName()
          + "."
          + method.getName()
          + "/"
          + method.getParameterCount();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    if (server != null) {
      return;
    }
    server = new HoldingServer();
    payments =
        PaymentsClient.builder().apiKey("sk_test_shape0000").baseUrl(server.baseUrl()).build();
    catalog = CatalogClient.builder().apiKey("sk_test_shape0000").baseUrl(server.baseUrl()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    payments.close();
    catalog.close();
    server.close();
  }

  static Stream<AsyncCall> asyncCalls() throws Exception {
    start();
    List<AsyncCall> out = new ArrayList<>();
    for (Service s : ServiceSamples.services(payments, catalog)) {
      ServiceShapeTest.operations(s.async().getClass()).values().stream()
          .flatMap(List::stream)
          .forEach(m -> out.add(new AsyncCall(s, m)));
    }
    return out.stream();
  }

  @Test
  void everyServiceHasAsynchronousOperations() throws Exception {
    assertThat(asyncCalls().map(c -> c.service().name()).distinct())
        .hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asyncCalls")
  void cancellingTheFutureClosesTheConnectionAndSendsNothingMore(AsyncCall call) throws Exception {
    int index = server.connectionCount();
    CompletableFuture<?> future =
        (CompletableFuture<?>)
            call.method()
                .invoke(
                    call.service().async(),
                    ServiceSamples.arguments(call.service(), call.method()));
    HoldingServer.Held held = server.awaitRequest(index, Duration.ofSeconds(5));
    assertThat(held).as("the request reached the server").isNotNull();

    assertThat(future.cancel(true)).isTrue();

    assertThat(held.awaitClosed(Duration.ofSeconds(2)))
        .as("the connection closed at the cancel: %s", held.requestLine)
        .isTrue();
    assertThat(future).isCancelled();
    Thread.sleep(150);
    assertThat(server.connectionCount()).as("no other attempt").isEqualTo(index + 1);
  }
}
