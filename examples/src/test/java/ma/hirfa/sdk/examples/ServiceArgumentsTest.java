package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.core.AttemptStart;
import ma.hirfa.sdk.core.CallListener;
import ma.hirfa.sdk.core.CallStart;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.examples.ServiceSamples.Service;
import ma.hirfa.sdk.payments.PaymentsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public entry point of every service, blocking and asynchronous, refuses a null argument
 * with a {@link ValidationException} naming the parameter, before anything is sent (not a {@code
 * NullPointerException}, nor a failed future, nor a call): each operation is called once per
 * reference parameter, that one null and the others valid.
 */
class ServiceArgumentsTest {
  static final List<String> STARTED = new CopyOnWriteArrayList<>();
  static PaymentsClient payments;
  static CatalogClient catalog;

  /** One operation with one of its parameters null. */
  record NullArgument(Service service, Object view, Method method, int index) {
    @Override
    public String toString() {
      Parameter p = method.getParameters()[index];
      return view.getClass().getSimpleName()
          + "."
          + method.getName()
          + "/"
          + method.getParameterCount()
          + " "
          + p.getName();
    }
  }

  @BeforeAll
  static void clients() {
    if (payments != null) {
      return;
    }
    // Nothing listens on port 9 of the loopback: a call that got through would fail to connect
    // once, and the listener would have seen it start.
    CallListener recorder =
        new CallListener() {
          @Override
          public void callStarted(CallStart c) {
            STARTED.add(c.operation());
          }

          @Override
          public void attemptStarted(AttemptStart a, BiConsumer<String, String> headers) {
            STARTED.add(a.operation());
          }
        };
    java.util.function.Consumer<ClientOptions.Builder> once =
        o -> o.addListener(recorder).retryPolicy(RetryPolicy.builder().maxAttempts(1).build());
    payments =
        PaymentsClient.builder()
            .apiKey("sk_test_shape0000")
            .baseUrl("http://127.0.0.1:9")
            .configure(once)
            .build();
    catalog =
        CatalogClient.builder()
            .apiKey("sk_test_shape0000")
            .baseUrl("http://127.0.0.1:9")
            .configure(once)
            .build();
  }

  @AfterAll
  static void close() {
    payments.close();
    catalog.close();
  }

  static Stream<NullArgument> nullArguments() {
    clients();
    List<NullArgument> out = new ArrayList<>();
    for (Service s : ServiceSamples.services(payments, catalog)) {
      for (Object view : List.of(s.sync(), s.async())) {
        ServiceShapeTest.operations(view.getClass()).values().stream()
            .flatMap(List::stream)
            .filter(m -> m.getParameterCount() > 0)
            .forEach(
                m -> {
                  for (int i = 0; i < m.getParameterCount(); i++) {
                    if (!m.getParameterTypes()[i].isPrimitive()) {
                      out.add(new NullArgument(s, view, m, i));
                    }
                  }
                });
      }
    }
    return out.stream();
  }

  @Test
  void everyServiceHasOperationsWithArgumentsToRefuse() {
    assertThat(nullArguments().count()).isGreaterThan(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void aNullArgumentIsRefusedNamingItsParameterBeforeAnythingIsSent(NullArgument c)
      throws IllegalAccessException {
    Object[] args = ServiceSamples.arguments(c.service(), c.method());
    args[c.index()] = null;
    String parameter = c.method().getParameters()[c.index()].getName();
    int before = STARTED.size();

    Throwable thrown = null;
    Object returned = null;
    try {
      returned = c.method().invoke(c.view(), args);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }

    assertThat(returned).as("nothing returned, no future either").isNull();
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(parameter));
    assertThat(STARTED.size()).as("calls started").isEqualTo(before);
  }
}
