package ma.hirfa.sdk.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import ma.hirfa.sdk.payments.PaymentEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A minimal application using the starter, for its tests. */
@SpringBootApplication
class StarterApp {
  @Bean
  Shipping shipping() {
    return new Shipping();
  }

  /** Ships an order when its payment succeeded; fails the first delivery when told to. */
  @Component
  static class Shipping {
    final List<String> shipped = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    @EventListener
    void on(PaymentEvent.PaymentSucceeded e) {
      calls.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("the warehouse is down");
      }
      shipped.add(e.payment().orderReference());
    }
  }
}
