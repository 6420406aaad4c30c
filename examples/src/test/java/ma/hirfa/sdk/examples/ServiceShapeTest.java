package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.ProductExport;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.examples.ServiceSamples.Service;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.testkit.RecordSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17's one shape for every operation, checked by reflection over every service of both
 * clients: exactly two forms, {@code op(required...)} and {@code op(required..., RequestOptions)};
 * an {@code async()} view with the same operations in the same two forms, each returning a {@code
 * CompletableFuture} of what the blocking form returns; each params type used by one service only.
 *
 * <p>Only the operations read as they stream or page in have no asynchronous form: an {@link
 * AutoPager}, a {@link Stream} of settlement lines and a {@link ProductExport} are iterated by
 * blocking reads, so a future of one would only move the wait to the first read.
 */
class ServiceShapeTest {
  /** Return types read synchronously, which the async views leave out. */
  static final Set<Class<?>> READ_AS_THEY_STREAM =
      Set.of(AutoPager.class, Stream.class, ProductExport.class);

  static PaymentsClient payments;
  static CatalogClient catalog;

  @BeforeAll
  static void clients() {
    // Never called: the shape is read by reflection.
    payments =
        PaymentsClient.builder().apiKey("sk_test_shape0000").baseUrl("http://127.0.0.1:9").build();
    catalog =
        CatalogClient.builder().apiKey("sk_test_shape0000").baseUrl("http://127.0.0.1:9").build();
  }

  @AfterAll
  static void close() {
    payments.close();
    catalog.close();
  }

  static List<Service> services() {
    if (payments == null) {
      clients();
    }
    return ServiceSamples.services(payments, catalog);
  }

  @Test
  void bothClientsExposeEveryServiceOfTheirPackage() {
    Set<String> reached = new TreeSet<>();
    services().forEach(s -> reached.add(s.name()));
    Set<String> declared = new TreeSet<>();
    for (Class<?> anchor : List.of(PaymentsClient.class, CatalogClient.class)) {
      for (Class<?> c : RecordSamples.publicTypesInPackageOf(anchor)) {
        if (c.getSimpleName().endsWith("Service")) {
          declared.add(c.getSimpleName());
        }
      }
    }

    assertThat(reached).hasSizeGreaterThanOrEqualTo(10).isEqualTo(declared);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void everyOperationHasExactlyTheTwoForms(Service service) {
    Map<String, List<Method>> byName = operations(service.sync().getClass());
    byName.remove("async");

    assertThat(byName).isNotEmpty();
    byName.forEach((name, forms) -> assertTwoForms(service, name, forms));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void theAsyncViewHasEveryOperationInTheSameTwoFormsReturningAFuture(Service service) {
    Class<?> sync = service.sync().getClass();
    Class<?> async = service.async().getClass();
    assertThat(async.getSimpleName()).isEqualTo(sync.getSimpleName() + "Async");
    assertThat(ServiceSamples.publicMethod(sync, "async").getReturnType()).isEqualTo(async);

    Map<String, List<Method>> expected = operations(sync);
    expected.remove("async");
    expected.values().removeIf(forms -> READ_AS_THEY_STREAM.contains(forms.get(0).getReturnType()));
    Map<String, List<Method>> actual = operations(async);

    assertThat(actual.keySet())
        .as("%s's operations", async.getSimpleName())
        .isEqualTo(expected.keySet());
    actual.forEach((name, forms) -> assertTwoForms(service, name, forms));
    for (Method m : expected.values().stream().flatMap(List::stream).toList()) {
      Method twin = twin(async, m);
      assertThat(twin.getGenericReturnType())
          .as(
              "%s.%s returns a future of what %s returns",
              async.getSimpleName(), name(twin), sync.getSimpleName())
          .isEqualTo(futureOf(m.getGenericReturnType()));
    }
  }

  @Test
  void eachParamsTypeBelongsToOneService() {
    Map<Class<?>, Set<String>> users = new HashMap<>();
    for (Service s : services()) {
      for (Object view : List.of(s.sync(), s.async())) {
        for (Method m : view.getClass().getDeclaredMethods()) {
          for (Class<?> p : m.getParameterTypes()) {
            if (p.getSimpleName().endsWith("Params")) {
              users.computeIfAbsent(p, k -> new TreeSet<>()).add(s.name());
            }
          }
        }
      }
    }

    assertThat(users).hasSizeGreaterThan(15);
    users.forEach(
        (type, services) ->
            assertThat(services).as("services taking %s", type.getSimpleName()).hasSize(1));
  }

  /** The two forms: the same name, parameters and return type, one with options last. */
  private static void assertTwoForms(Service service, String name, List<Method> forms) {
    String what = service.name() + "." + name;
    assertThat(forms).as("%s: exactly two forms", what).hasSize(2);
    Method plain =
        forms.get(0).getParameterCount() < forms.get(1).getParameterCount()
            ? forms.get(0)
            : forms.get(1);
    Method withOptions = plain == forms.get(0) ? forms.get(1) : forms.get(0);
    Class<?>[] required = plain.getParameterTypes();
    Class<?>[] all = withOptions.getParameterTypes();

    assertThat(Arrays.asList(required))
        .as("%s: RequestOptions only in the second form", what)
        .doesNotContain(RequestOptions.class);
    assertThat(all).as("%s(..., RequestOptions)", what).hasSize(required.length + 1);
    assertThat(Arrays.copyOf(all, required.length))
        .as("%s: the same required parameters", what)
        .isEqualTo(required);
    assertThat(all[required.length]).as("%s: options last", what).isEqualTo(RequestOptions.class);
    assertThat(withOptions.getGenericReturnType())
        .as("%s: one return type", what)
        .isEqualTo(plain.getGenericReturnType());
    assertThat(plain.getParameters())
        .allSatisfy(p -> assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue());
  }

  /** The public instance methods a type declares, by name. */
  static Map<String, List<Method>> operations(Class<?> type) {
    Map<String, List<Method>> out = new TreeMap<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()) {
        out.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  private static Method twin(Class<?> async, Method m) {
    try {
      return async.getMethod(m.getName(), m.getParameterTypes());
    } catch (NoSuchMethodException e) {
      throw new AssertionError(async.getSimpleName() + " lacks " + m, e);
    }
  }

  private static String name(Method m) {
    return m.getName() + Arrays.toString(m.getParameterTypes());
  }

  /** {@code CompletableFuture<T>}, with {@code void} as {@code Void}. */
  private static Type futureOf(Type t) {
    Type boxed = t == void.class ? Void.class : t;
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return new Type[] {boxed};
      }

      @Override
      public Type getRawType() {
        return CompletableFuture.class;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof ParameterizedType p
            && p.getRawType() == CompletableFuture.class
            && p.getOwnerType() == null
            && Arrays.equals(p.getActualTypeArguments(), new Type[] {boxed});
      }

      @Override
      public int hashCode() {
        return CompletableFuture.class.hashCode() ^ boxed.hashCode();
      }

      @Override
      public String toString() {
        return "CompletableFuture<" + boxed.getTypeName() + ">";
      }
    };
  }
}
