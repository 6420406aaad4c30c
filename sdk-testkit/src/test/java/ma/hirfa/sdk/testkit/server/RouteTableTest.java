package ma.hirfa.sdk.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The route table is the contract's operations, each bound to a handler, nothing else. */
class RouteTableTest {
  private static final Handler ANY = (e, r) -> Exchange.Response.empty(204);

  @Test
  void everyOperationOfBothDocumentsIsARoute() {
    RouteTable table = new RouteTable(OpenApiContract.shared(), handlersFor(operationIds()));

    assertThat(table.operationIds()).isEqualTo(operationIds()).hasSize(37);
  }

  @Test
  void anOperationWithoutAHandlerStopsTheTableFromBeingBuilt() {
    Map<String, Handler> handlers = handlersFor(operationIds());
    handlers.remove("capturePayment");

    assertThatThrownBy(() -> new RouteTable(OpenApiContract.shared(), handlers))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no handler for [capturePayment]");
  }

  @Test
  void aHandlerForNoOperationStopsTheTableFromBeingBuilt() {
    Map<String, Handler> handlers = handlersFor(operationIds());
    handlers.put("refundEverything", ANY);

    assertThatThrownBy(() -> new RouteTable(OpenApiContract.shared(), handlers))
        .hasMessageContaining("no operation for [refundEverything]");
  }

  @Test
  void aLiteralSegmentWinsOverAParameterAndParametersAreBound() {
    RouteTable table = new RouteTable(OpenApiContract.shared(), handlersFor(operationIds()));

    assertThat(table.match("POST", "/v1/products/batch").orElseThrow().operationId())
        .isEqualTo("upsertProducts");
    RouteTable.Match product = table.match("POST", "/v1/products/prd_42/archive").orElseThrow();
    assertThat(product.operationId()).isEqualTo("archiveProduct");
    assertThat(product.param("id")).isEqualTo("prd_42");
    assertThat(table.match("PATCH", "/v1/payments/pay_1")).isEmpty();
    assertThat(table.match("GET", "/v1/nowhere")).isEmpty();
  }

  @Test
  void eachPathIsCheckedAgainstTheDocumentThatDefinesIt() {
    RouteTable table = new RouteTable(OpenApiContract.shared(), handlersFor(operationIds()));

    assertThat(table.documentFor("/v1/fx_quotes/fxq_1").name()).isEqualTo("marketplace.yaml");
    assertThat(table.documentFor("/v1/settlements/st_1/lines").name()).isEqualTo("payments.yaml");
    assertThat(table.documentFor("/v1/unknown").name()).isEqualTo("payments.yaml");
  }

  private static Set<String> operationIds() {
    Set<String> ids = new TreeSet<>();
    for (OpenApiContract.Document d : OpenApiContract.shared().documents()) {
      d.api()
          .getPaths()
          .values()
          .forEach(
              p -> p.readOperations().stream().map(Operation::getOperationId).forEach(ids::add));
    }
    return ids;
  }

  private static Map<String, Handler> handlersFor(Set<String> ids) {
    Map<String, Handler> handlers = new HashMap<>();
    ids.forEach(id -> handlers.put(id, ANY));
    return handlers;
  }
}
