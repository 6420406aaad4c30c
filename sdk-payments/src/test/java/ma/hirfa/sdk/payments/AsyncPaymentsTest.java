package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import ma.hirfa.sdk.core.AttemptEvent;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallEvent;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code async()} views of the payments client against the sandbox: a call completes with what
 * the blocking call returns, fails with the same typed exception, and cancelling its future cancels
 * the call on the wire and any scheduled retry.
 */
class AsyncPaymentsTest {
  Sandbox sandbox;
  PaymentsClient client;
  final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
  final List<AttemptStart> started = new CopyOnWriteArrayList<>();
  final List<CallEvent> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    client =
        PaymentsClient.builder()
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

                          @Override
                          public void callFinished(CallEvent e) {
                            calls.add(e);
                          }
                        }))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  static PaymentCreateParams payment(String order) {
    return PaymentCreateParams.builder()
        .amount(Money.parse("100.00", "MAD"))
        .orderReference(order)
        .artisanId("art_7QK2M9")
        .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
        .build();
  }

  @Test
  void anAsyncCreateCompletesWithThePaymentTheSyncGetReads() throws Exception {
    Payment created = client.payments().async().create(payment("ORD-a1")).get(10, TimeUnit.SECONDS);

    assertThat(created.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(client.payments().get(created.id())).isEqualTo(created);
    assertThat(client.payments().async().get(created.id()).get(10, TimeUnit.SECONDS))
        .isEqualTo(created);
    assertThat(sandbox.paymentCount("ORD-a1")).isEqualTo(1);
  }

  @Test
  void anAsyncCallFailsWithTheTypedException() {
    CompletableFuture<Payment> missing = client.payments().async().get("pay_Nope");

    assertThatThrownBy(() -> missing.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.refunds().async().get("re_Nope").get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void invalidArgumentsAreRefusedAtOnceBeforeAnyFutureOrRequest() {
    assertThatThrownBy(() -> client.payments().async().get("payment-1"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(() -> client.payouts().async().get("pay_1"))
        .isInstanceOf(ValidationException.class);
    assertThat(attempts).isEmpty();
  }

  @Test
  void cancellingAnAsyncCallCancelsItOnTheWire() throws Exception {
    // The sandbox commits the payment, then holds the answer for 5 s.
    sandbox.faults().delay("POST", "/v1/payments", Duration.ofSeconds(5), 1);
    CompletableFuture<Payment> future = client.payments().async().create(payment("ORD-a2"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sandbox.paymentCount("ORD-a2") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sandbox.paymentCount("ORD-a2")).as("the request reached the sandbox").isEqualTo(1);
    assertThat(client.runtime().connectionCount()).isEqualTo(1);

    long cancelledAt = System.nanoTime();
    assertThat(future.cancel(true)).isTrue();

    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    assertThat(calls)
        .singleElement()
        .satisfies(c -> assertThat(c.failure()).isEqualTo("CancellationException"));
    waitFor(() -> client.runtime().connectionCount() == 0);
    assertThat(client.runtime().connectionCount())
        .as("the connection was closed, not left to wait for the answer")
        .isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt))
        .as("closed at the cancel, not at the delayed answer")
        .isLessThan(Duration.ofSeconds(2));
    Thread.sleep(500);
    assertThat(started).as("no retry after a cancel").hasSize(1);
  }

  @Test
  void cancellingDuringTheBackOffSendsNoFurtherAttempt() throws Exception {
    Payment p = client.payments().create(payment("ORD-a3"));
    sandbox.faults().rateLimited("GET", "/v1/payments/" + p.id(), Duration.ofSeconds(2), 1);

    CompletableFuture<Payment> future = client.payments().async().get(p.id());
    waitFor(() -> attempts.size() == 2); // the create, then the rate-limited get
    assertThat(attempts.get(1).status()).isEqualTo(429);
    assertThat(attempts.get(1).retryIn()).as("a retry is scheduled").isNotNull();
    assertThat(future.cancel(true)).isTrue();

    Thread.sleep(2_500);
    assertThat(started).as("the scheduled retry never ran").hasSize(2);
    assertThat(future).isCancelled();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
