package ma.hirfa.sdk.catalog;

import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;

/**
 * The operations of {@link OrderService}, each returning a {@link CompletableFuture} at once: from
 * {@code catalog.orders().async()}. The future completes or fails as the blocking call would;
 * cancelling it cancels the HTTP call and any scheduled retry. Invalid arguments are refused at
 * once with a {@link ma.hirfa.sdk.core.ValidationException}. Auto-paging stays synchronous.
 */
public final class OrderServiceAsync {
  private final ClientRuntime runtime;

  OrderServiceAsync(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public CompletableFuture<Order> create(OrderCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public CompletableFuture<Order> create(OrderCreateParams params, RequestOptions options) {
    return runtime.executeAsync(OrderService.createRequest(params, options), OrderService.ORDER);
  }

  public CompletableFuture<Order> get(String id) {
    return get(id, RequestOptions.none());
  }

  public CompletableFuture<Order> get(String id, RequestOptions options) {
    return runtime.executeAsync(OrderService.getRequest(id, options), OrderService.ORDER);
  }

  public CompletableFuture<Page<Order>> list(OrderListParams params) {
    return list(params, RequestOptions.none());
  }

  public CompletableFuture<Page<Order>> list(OrderListParams params, RequestOptions options) {
    return runtime.executeAsync(OrderService.listRequest(params, options), OrderService.PAGE);
  }

  public CompletableFuture<Order> markPaid(String id) {
    return markPaid(id, RequestOptions.none());
  }

  public CompletableFuture<Order> markPaid(String id, RequestOptions options) {
    return move(id, OrderStatus.PAID, options);
  }

  public CompletableFuture<Order> ship(String id, String trackingNumber) {
    return ship(id, trackingNumber, RequestOptions.none());
  }

  public CompletableFuture<Order> ship(String id, String trackingNumber, RequestOptions options) {
    return runtime.executeAsync(
        OrderService.shipRequest(id, trackingNumber, options), OrderService.ORDER);
  }

  public CompletableFuture<Order> deliver(String id) {
    return deliver(id, RequestOptions.none());
  }

  public CompletableFuture<Order> deliver(String id, RequestOptions options) {
    return move(id, OrderStatus.DELIVERED, options);
  }

  public CompletableFuture<Order> cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  public CompletableFuture<Order> cancel(String id, RequestOptions options) {
    return move(id, OrderStatus.CANCELLED, options);
  }

  private CompletableFuture<Order> move(String id, OrderStatus to, RequestOptions options) {
    return runtime.executeAsync(
        OrderService.moveRequest(id, to, null, options), OrderService.ORDER);
  }
}
