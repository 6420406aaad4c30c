package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One page of orders and the next by its cursor, and the auto-pager with the same params. */
class OrderListingTest {
  Sandbox sandbox;
  CatalogClient catalog;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(20).start();
    catalog = CatalogClientTest.client(sandbox);
  }

  @AfterEach
  void stop() {
    catalog.close();
    sandbox.close();
  }

  Order order() {
    return catalog
        .orders()
        .create(
            OrderCreateParams.builder()
                .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                .line("prd_S000002", 1)
                .shipping(new OrderCreateParams.Shipping("FR", "1 rue de Rivoli"))
                .build());
  }

  private static List<String> newestFirst(List<String> ids) {
    List<String> out = new ArrayList<>(ids);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void onePageOfOrdersThenTheNextFromItsCursor() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(order().id());
    }
    catalog.orders().markPaid(ids.get(1));
    catalog.orders().markPaid(ids.get(3));

    Page<Order> first = catalog.orders().list(OrderListParams.builder().limit(2).build());
    Page<Order> second =
        catalog
            .orders()
            .list(OrderListParams.builder().limit(2).cursor(first.nextCursor()).build());
    Page<Order> last =
        catalog
            .orders()
            .list(OrderListParams.builder().limit(2).cursor(second.nextCursor()).build());
    List<String> paid =
        catalog
            .orders()
            .listAutoPaging(OrderListParams.builder().status(OrderStatus.PAID).limit(1).build())
            .stream()
            .map(Order::id)
            .toList();

    assertThat(first.hasMore()).isTrue();
    assertThat(last.hasMore()).isFalse();
    assertThat(
            Stream.of(first, second, last).flatMap(p -> p.data().stream()).map(Order::id).toList())
        .as("newest first, each once")
        .containsExactlyElementsOf(newestFirst(ids));
    assertThat(paid).containsExactly(ids.get(3), ids.get(1));
  }
}
