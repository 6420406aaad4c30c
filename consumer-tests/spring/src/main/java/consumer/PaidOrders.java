package consumer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The orders whose {@code payment.succeeded} reached the starter's webhook endpoint, counted. */
@Component
public class PaidOrders {
  private final Map<String, AtomicInteger> paid = new ConcurrentHashMap<>();

  @EventListener
  void on(PaymentEvent.PaymentSucceeded event) {
    paid.computeIfAbsent(event.payment().orderReference(), o -> new AtomicInteger())
        .incrementAndGet();
  }

  /** How many times the listener ran for {@code order}. */
  public int times(String order) {
    AtomicInteger n = paid.get(order);
    return n == null ? 0 : n.get();
  }
}
