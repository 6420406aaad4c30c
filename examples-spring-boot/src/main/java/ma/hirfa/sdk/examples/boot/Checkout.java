package ma.hirfa.sdk.examples.boot;

import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collects a payment for an order and tells whether the webhook marked it paid. */
// [snippet:checkout]
@RestController
class Checkout {
  private final PaymentsClient payments; // the starter's bean, built from hirfa.* properties
  private final PaidOrders paid;

  Checkout(PaymentsClient payments, PaidOrders paid) {
    this.payments = payments;
    this.paid = paid;
  }

  @PostMapping("/orders/{order}/payment")
  Map<String, String> pay(
      @PathVariable("order") String order, @RequestParam("amount") String amount) {
    Payment payment =
        payments
            .payments()
            .create(
                PaymentCreateParams.builder()
                    .amount(Money.parse(amount, "MAD"))
                    .orderReference(order)
                    .artisanId("art_7QK2M9")
                    // The sandbox's test card; in production the card data stays in your PCI scope.
                    .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                    .build());
    return Map.of("payment", payment.id(), "status", payment.statusAsString());
  }

  @GetMapping("/orders/{order}")
  Map<String, Object> order(@PathVariable("order") String order) {
    return Map.of("order", order, "paid", paid.isPaid(order));
  }
}
// [end]
