package ma.hirfa.sdk.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small bank application on the Hirfa Spring Boot starter: {@link Checkout} collects a payment
 * for an order with the starter's {@code PaymentsClient}, {@link PaidOrders} marks the order paid
 * when {@code payment.succeeded} reaches the starter's webhook endpoint, and the actuator exposes
 * the SDK's metrics and health. {@code BankAppTest} runs it on a real port against the embedded
 * sandbox; {@code docs/guides/spring-boot.md} shows its code.
 *
 * <p>Run it against the API with {@code HIRFA_API_KEY} and {@code HIRFA_WEBHOOK_SECRET} set.
 */
@SpringBootApplication
public class BankApp {
  public static void main(String[] args) {
    SpringApplication.run(BankApp.class, args);
  }
}
