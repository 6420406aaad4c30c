package ma.hirfa.sdk.payments;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link PaymentService}, each returning a {@link CompletableFuture} at once
 * instead of blocking: from {@code client.payments().async()}.
 *
 * <pre>{@code
 * CompletableFuture<Payment> payment = client.payments().async().create(params);
 * payment.cancel(true);   // cancels the HTTP call on the wire and any scheduled retry
 * }</pre>
 *
 * <p>The future completes with the same value, or fails with the same typed exception, as the
 * blocking call would; retries, the deadline (time spent queued behind {@code
 * maxConcurrentRequests} included) and the idempotency key work the same way. Invalid arguments are
 * refused at once with a {@link ma.hirfa.sdk.core.ValidationException}, before any future exists.
 * Auto-paging has no asynchronous form: {@link PaymentService#listAutoPaging} iterates
 * synchronously.
 */
public final class PaymentServiceAsync {
  private final ClientRuntime runtime;

  PaymentServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Payment> create(PaymentCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Payment> create(PaymentCreateParams params, RequestOptions options) {
    return runtime.executeAsync(
        PaymentService.createRequest(params, options), PaymentService.PAYMENT);
  }

  public CompletableFuture<Payment> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Payment> get(String id, RequestOptions options) {
    return runtime.executeAsync(PaymentService.getRequest(id, options), PaymentService.PAYMENT);
  }

  public CompletableFuture<Page<Payment>> list(PaymentListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Payment>> list(PaymentListParams params, RequestOptions options) {
    return runtime.executeAsync(PaymentService.listRequest(params, options), PaymentService.PAGE);
  }

  public CompletableFuture<Payment> capture(String id, PaymentCaptureParams params) {
    return capture(id, params, RequestOptions.none());
  }

  public CompletableFuture<Payment> capture(
      String id, PaymentCaptureParams params, RequestOptions options) {
    return runtime.executeAsync(
        PaymentService.captureRequest(id, params, options), PaymentService.PAYMENT);
  }

  public CompletableFuture<Payment> cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  public CompletableFuture<Payment> cancel(String id, RequestOptions options) {
    return runtime.executeAsync(PaymentService.cancelRequest(id, options), PaymentService.PAYMENT);
  }
}
