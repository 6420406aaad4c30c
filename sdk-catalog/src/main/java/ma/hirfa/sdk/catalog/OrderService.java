package ma.hirfa.sdk.catalog;

import java.util.Map;
import java.util.Objects;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.Pagers;
import ma.hirfa.sdk.core.internal.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Orders: take one, read, list, and move it along {@code pending_payment → paid → shipped →
 * delivered} (or {@code cancelled}); a move the state does not allow is a {@link
 * ma.hirfa.sdk.core.ConflictException}. From {@link CatalogClient#orders()}.
 */
public final class OrderService {
  private static final TypeRef<Order> ORDER = TypeRef.of(Order.class);
  private static final TypeRef<Page<Order>> PAGE = new TypeRef<Page<Order>>() {};

  static final Operation CREATE = Operation.post("createOrder", "/v1/orders");
  static final Operation LIST = Operation.get("listOrders", "/v1/orders");
  static final Operation GET = Operation.get("getOrder", "/v1/orders/{id}");
  static final Operation CHANGE_STATUS =
      Operation.post("changeOrderStatus", "/v1/orders/{id}/status");

  private final ClientRuntime runtime;

  OrderService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  public Order create(OrderCreateParams params) {
    return create(params, RequestOptions.none());
  }

  public Order create(OrderCreateParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    return runtime.execute(CREATE.request().body(params).options(options).build(), ORDER);
  }

  public Order get(String id) {
    return runtime.execute(GET.request(orderId(id)).build(), ORDER);
  }

  /** Every order (newest first), optionally only those in {@code status}. */
  public AutoPager<Order> listAutoPaging(@Nullable OrderStatus status) {
    if (status == OrderStatus.UNKNOWN) {
      throw new ValidationException("status", "must be a known order status");
    }
    return Pagers.autoPager(
        runtime,
        PAGE,
        cursor ->
            LIST.request()
                .query("limit", 100)
                .query("status", status == null ? null : status.wireValue())
                .query("cursor", cursor)
                .build());
  }

  /** Marks an order paid by other means (payments made through the API mark it themselves). */
  public Order markPaid(String id) {
    return move(id, OrderStatus.PAID, null);
  }

  public Order ship(String id, String trackingNumber) {
    return move(id, OrderStatus.SHIPPED, CatalogChecks.text("tracking_number", trackingNumber, 64));
  }

  public Order deliver(String id) {
    return move(id, OrderStatus.DELIVERED, null);
  }

  /** Cancels an order before it ships; its stock is given back. */
  public Order cancel(String id) {
    return move(id, OrderStatus.CANCELLED, null);
  }

  private Order move(String id, OrderStatus to, @Nullable String tracking) {
    Map<String, String> body =
        tracking == null
            ? Map.of("status", to.wireValue())
            : Map.of("status", to.wireValue(), "tracking_number", tracking);
    return runtime.execute(CHANGE_STATUS.request(orderId(id)).body(body).build(), ORDER);
  }

  private static String orderId(String id) {
    return CatalogChecks.id("id", "ord", id);
  }
}
