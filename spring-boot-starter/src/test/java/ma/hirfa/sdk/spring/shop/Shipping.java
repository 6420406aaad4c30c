package ma.hirfa.sdk.spring.shop;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Ships an order when its payment succeeded; fails once for the orders it is told to. */
@Component
public class Shipping {
  private final List<String> shipped = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  @EventListener
  void on(PaymentEvent.PaymentSucceeded e) {
    String order = e.payment().orderReference();
    calls.computeIfAbsent(order, o -> new AtomicInteger()).incrementAndGet();
    if (failOnce.remove(order)) {
      throw new IllegalStateException("the warehouse is down");
    }
    shipped.add(order);
  }

  /** The next delivery for {@code order} fails in the listener. */
  public void failOnceFor(String order) {
    failOnce.add(order);
  }

  /** How many times {@code order} was shipped: the listener's effect. */
  public long shipments(String order) {
    return shipped.stream().filter(order::equals).count();
  }

  /** How many times the listener ran for {@code order}, failures included. */
  public int calls(String order) {
    AtomicInteger n = calls.get(order);
    return n == null ? 0 : n.get();
  }
}
