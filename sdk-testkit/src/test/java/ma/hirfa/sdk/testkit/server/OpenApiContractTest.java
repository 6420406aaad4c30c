package ma.hirfa.sdk.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {
  @Test
  void operationsNamesEachOperationOfADocumentWithItsMethodAndTemplate() {
    assertThat(OpenApiContract.operations("payments.yaml"))
        .containsEntry("getPayment", "GET /v1/payments/{id}")
        .containsEntry("createPayment", "POST /v1/payments")
        .doesNotContainKey("listProducts");
    assertThat(OpenApiContract.operations("marketplace.yaml"))
        .containsEntry("listProducts", "GET /v1/products")
        .doesNotContainKey("getPayment");
  }

  @Test
  void operationsOfADocumentTheContractDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> OpenApiContract.operations("orders.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders.yaml");
  }
}
