package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.spring.test.AutoConfigureHirfaSandbox;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter's test annotation on the Boot version each build chooses (3.5 and 4.0): the sandbox
 * it starts receives the application's calls through the starter's beans, and its signed webhook
 * reaches the application's listener through the starter's endpoint (StarterCalls checked that it
 * arrived once, when the context started).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "consumer.register-webhook=false")
@AutoConfigureHirfaSandbox
class StarterSandboxBootTest {
  @Autowired Sandbox sandbox;
  @Autowired PaymentsClient payments;

  @Test
  void theStartersBeansCallTheSandboxTheAnnotationStarted() {
    assertThat(payments.options().baseUrl().toString()).isEqualTo(sandbox.baseUrl());
    // HirfaCalls' payment and StarterCalls' payment, made when the context started.
    assertThat(sandbox.paymentCount()).isEqualTo(2);
  }
}
