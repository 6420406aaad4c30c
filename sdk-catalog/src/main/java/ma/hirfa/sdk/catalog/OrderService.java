package ma.hirfa.sdk.catalog;

import java.util.Map;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.http.Pagers;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Orders: take one, read, list, and move it along {@code pending_payment → paid → shipped →
 * delivered} (or {@code cancelled}); a move the state does not allow is a {@link
 * ma.hirfa.sdk.core.ConflictException}. From {@link CatalogClient#orders()}; the same operations
 * return a {@code CompletableFuture} from {@link #async()}.
 */
public final class OrderService {
  static final Operation CREATE = Operation.post("createOrder", "/v1/orders");
  static final Operation LIST = Operation.get("listOrders", "/v1/orders");
  static final Operation GET = Operation.get("getOrder", "/v1/orders/{id}");
  static final Operation CHANGE_STATUS =
      Operation.post("changeOrderStatus", "/v1/orders/{id}/status");

  static final TypeRef<Order> ORDER = TypeRef.of(Order.class);
  static final TypeRef<Page<Order>> PAGE = new TypeRef<Page<Order>>() {};

  private final ClientRuntime runtime;
  private final OrderServiceAsync async;

  OrderService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new OrderServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public OrderServiceAsync async() {
    return async;
  }

  public Order create(OrderCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Like {@link #create(OrderCreateParams)}, with per-call options. */
  public Order create(OrderCreateParams params, RequestOptions options) {
    return runtime.execute(createRequest(params, options), ORDER);
  }

  public Order get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public Order get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), ORDER);
  }

  /** One page of orders, newest first; the next one is at its {@link Page#nextCursor()}. */
  public Page<Order> list(OrderListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Like {@link #list(OrderListParams)}, with per-call options. */
  public Page<Order> list(OrderListParams params, RequestOptions options) {
    return runtime.execute(listRequest(params, options), PAGE);
  }

  /** Every matching order, newest first, page by page as you iterate (synchronously). */
  public AutoPager<Order> listAutoPaging(OrderListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** Like {@link #listAutoPaging(OrderListParams)}; the options apply to each page's call. */
  public AutoPager<Order> listAutoPaging(OrderListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    CatalogChecks.required("options", options);
    return Pagers.autoPager(
        runtime, PAGE, params.cursor(), cursor -> listRequest(params, cursor, options));
  }

  /** Marks an order paid by other means (payments made through the API mark it themselves). */
  public Order markPaid(String id) {
    return markPaid(id, RequestOptions.none());
  }

  /** Like {@link #markPaid(String)}, with per-call options. */
  public Order markPaid(String id, RequestOptions options) {
    return runtime.execute(moveRequest(id, OrderStatus.PAID, null, options), ORDER);
  }

  /** Marks a paid order shipped, with the carrier's tracking number (1 to 64 characters). */
  public Order ship(String id, String trackingNumber) {
    return ship(id, trackingNumber, RequestOptions.none());
  }

  /** Like {@link #ship(String, String)}, with per-call options. */
  public Order ship(String id, String trackingNumber, RequestOptions options) {
    return runtime.execute(shipRequest(id, trackingNumber, options), ORDER);
  }

  public Order deliver(String id) {
    return deliver(id, RequestOptions.none());
  }

  /** Like {@link #deliver(String)}, with per-call options. */
  public Order deliver(String id, RequestOptions options) {
    return runtime.execute(moveRequest(id, OrderStatus.DELIVERED, null, options), ORDER);
  }

  /** Cancels an order before it ships; its stock is given back. */
  public Order cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  /** Like {@link #cancel(String)}, with per-call options. */
  public Order cancel(String id, RequestOptions options) {
    return runtime.execute(moveRequest(id, OrderStatus.CANCELLED, null, options), ORDER);
  }

  static ApiRequest createRequest(OrderCreateParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return CREATE
        .request()
        .body(params)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(orderId(id)).options(CatalogChecks.required("options", options)).build();
  }

  static ApiRequest listRequest(OrderListParams params, RequestOptions options) {
    CatalogChecks.required("params", params);
    return listRequest(params, params.cursor(), options);
  }

  private static ApiRequest listRequest(
      OrderListParams p, @Nullable String cursor, RequestOptions options) {
    return LIST.request()
        .query("limit", p.limit())
        .query("status", p.status() == null ? null : p.status().wireValue())
        .query("cursor", cursor)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest shipRequest(String id, String trackingNumber, RequestOptions options) {
    return moveRequest(
        id, OrderStatus.SHIPPED, CatalogChecks.text("trackingNumber", trackingNumber, 64), options);
  }

  /** A change of status; {@code tracking} only for {@code shipped}. */
  static ApiRequest moveRequest(
      String id, OrderStatus to, @Nullable String tracking, RequestOptions options) {
    Map<String, String> body =
        tracking == null
            ? Map.of("status", to.wireValue())
            : Map.of("status", to.wireValue(), "tracking_number", tracking);
    return CHANGE_STATUS
        .request(orderId(id))
        .body(body)
        .options(CatalogChecks.required("options", options))
        .build();
  }

  private static String orderId(String id) {
    return CatalogChecks.id("id", "ord", id);
  }
}
