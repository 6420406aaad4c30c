package ma.hirfa.sdk.examples.boot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ma.hirfa.sdk.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The orders whose payment succeeded, as the webhook said. */
// [snippet:listener]
@Component
class PaidOrders {
  private final Map<String, String> paidBy = new ConcurrentHashMap<>();

  // Runs once per event: the starter verified the delivery's signature, and a redelivery of an
  // event already applied is answered 204 without calling it again. If it throws, the endpoint
  // answers 500 and the platform delivers the event again.
  @EventListener
  void on(PaymentEvent.PaymentSucceeded event) {
    paidBy.put(event.payment().orderReference(), event.payment().id());
  }

  boolean isPaid(String order) {
    return paidBy.containsKey(order);
  }
}
// [end]
