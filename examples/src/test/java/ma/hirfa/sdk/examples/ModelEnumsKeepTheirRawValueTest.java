package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.Artisan;
import ma.hirfa.sdk.catalog.BatchResult;
import ma.hirfa.sdk.catalog.CatalogEvent;
import ma.hirfa.sdk.catalog.CatalogEventParser;
import ma.hirfa.sdk.catalog.ChangePage;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Order;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductChange;
import ma.hirfa.sdk.catalog.Taxonomy;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.WireEnum;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.webhooks.WebhookMessage;
import ma.hirfa.sdk.core.webhooks.WebhookSigner;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.examples.ModelJson.RawEnum;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentEvent;
import ma.hirfa.sdk.payments.PaymentEventParser;
import ma.hirfa.sdk.payments.Payout;
import ma.hirfa.sdk.payments.Refund;
import ma.hirfa.sdk.payments.Settlement;
import ma.hirfa.sdk.payments.SettlementLine;
import ma.hirfa.sdk.payments.WebhookDelivery;
import ma.hirfa.sdk.payments.WebhookEndpoint;
import ma.hirfa.sdk.testkit.RecordSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every enum-typed field of every response model and event keeps the value the API sent: {@code
 * x()} is the constant (or {@code UNKNOWN} for a value newer than the SDK) and {@code xAsString()}
 * the string as sent, always. The models are decoded from JSON built from the records themselves,
 * so a field added later is covered without touching this test.
 */
class ModelEnumsKeepTheirRawValueTest {
  private static final String NEWER = "added_in_2031";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final Json json = new Json();

  /** What the services return: each model reached from here is checked with what it contains. */
  static Stream<Type> responseModels() {
    return Stream.of(
        Payment.class,
        Refund.class,
        Payout.class,
        Settlement.class,
        SettlementLine.class,
        WebhookEndpoint.class,
        WebhookDelivery.class,
        new TypeRef<Page<Payment>>() {}.type(),
        Artisan.class,
        Product.class,
        Order.class,
        FxQuote.class,
        Taxonomy.class,
        BatchResult.class,
        ChangePage.class,
        ProductChange.class,
        new TypeRef<Page<Order>>() {}.type());
  }

  @ParameterizedTest
  @MethodSource("responseModels")
  void anUnknownValueInEveryEnumFieldIsUnknownAndKeptAsSent(Type model) throws IOException {
    Object decoded = decode(model, m -> NEWER);

    for (RawEnum e : ModelJson.rawEnums(decoded)) {
      assertThat(e.raw()).as(e.path() + "AsString").isEqualTo(NEWER);
      assertThat(((Enum<?>) e.derived()).name()).as(e.path()).isEqualTo("UNKNOWN");
    }
  }

  @ParameterizedTest
  @MethodSource("responseModels")
  void everyKnownValueOfEveryEnumFieldMapsToItsConstant(Type model) throws IOException {
    Object probe = decode(model, m -> NEWER);
    Set<String> paths = new HashSet<>();
    ModelJson.rawEnums(probe).forEach(e -> paths.add(e.path()));
    for (String path : paths) {
      // One document per known value of this field's enum, that value in this field only.
      Method derived = derivedAt(probe, path);
      for (String wire : ModelJson.knownWireValues(derived)) {
        Object decoded = decode(model, m -> m.equals(derived) ? wire : NEWER);
        for (RawEnum e : ModelJson.rawEnums(decoded)) {
          if (e.path().equals(path)) {
            assertThat(e.raw()).isEqualTo(wire);
            assertThat(((WireEnum) e.derived()).wireValue()).as(path).isEqualTo(wire);
          }
        }
      }
    }
  }

  /** Not vacuous: the models above hold the SDK's enum fields, and events carry them too. */
  @Test
  void theRawEnumFieldsFoundAreTheOnesTheContractDeclares() throws IOException {
    Set<String> found = new HashSet<>();
    for (Type model : responseModels().toList()) {
      for (RawEnum e : ModelJson.rawEnums(decode(model, m -> NEWER))) {
        found.add(e.path().replaceAll("\\[\\d+]", "[]"));
      }
    }
    assertThat(found)
        .contains(
            "Payment.status",
            "Payment.captureMethod",
            "Payment.method.type",
            "Payment.nextAction.type",
            "Refund.status",
            "Payout.status",
            "Payout.destination.type",
            "Settlement.status",
            "SettlementLine.type",
            "WebhookDelivery.status",
            "Artisan.status",
            "Artisan.verification",
            "Artisan.payoutDestination.type",
            "Product.vatRegime",
            "Product.status",
            "Order.status",
            "BatchResult.results[].status",
            "ChangePage.data[].type",
            "ChangePage.data[].product.status",
            "ProductChange.type");
  }

  /** Every public record of the two clients is a checked response model, or not one at all. */
  @Test
  void everyPublicRecordIsCheckedHereOrIsNotDecodedFromTheApi() {
    Set<Class<?>> reached = new HashSet<>();
    for (Type model : responseModels().toList()) {
      reach(model, reached);
    }
    List<String> unchecked = new ArrayList<>();
    List<Class<? extends Record>> all = new ArrayList<>();
    all.addAll(RecordSamples.publicRecordsInPackageOf(Payment.class));
    all.addAll(RecordSamples.publicRecordsInPackageOf(Product.class));
    for (Class<? extends Record> type : all) {
      if (!reached.contains(type) && !notAResponseModel(type)) {
        unchecked.add(type.getName());
      }
    }
    assertThat(unchecked).as("records decoded from the API but not checked here").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("paymentEvents")
  void paymentEventsKeepUnknownValuesOfTheirObjects(String type, Class<?> object)
      throws IOException {
    PaymentEvent event = new PaymentEventParser().parse(signed(type, object));

    assertThat(event.type()).isEqualTo(type);
    assertUnknownEverywhere(event);
  }

  @ParameterizedTest
  @MethodSource("catalogEvents")
  void catalogEventsKeepUnknownValuesOfTheirObjects(String type, Class<?> object)
      throws IOException {
    CatalogEvent event = new CatalogEventParser().parse(signed(type, object));

    assertThat(event.type()).isEqualTo(type);
    assertUnknownEverywhere(event);
  }

  static Stream<Object[]> paymentEvents() {
    return Stream.of(
        new Object[] {"payment.requires_action", Payment.class},
        new Object[] {"payment.authorized", Payment.class},
        new Object[] {"payment.succeeded", Payment.class},
        new Object[] {"payment.failed", Payment.class},
        new Object[] {"payment.canceled", Payment.class},
        new Object[] {"payment.captured", Payment.class},
        new Object[] {"refund.succeeded", Refund.class},
        new Object[] {"refund.failed", Refund.class},
        new Object[] {"payout.paid", Payout.class},
        new Object[] {"payout.failed", Payout.class},
        new Object[] {"settlement.available", Settlement.class});
  }

  static Stream<Object[]> catalogEvents() {
    return Stream.of(
        new Object[] {"product.created", Product.class},
        new Object[] {"product.updated", Product.class},
        new Object[] {"artisan.verified", Artisan.class},
        new Object[] {"order.paid", Order.class});
  }

  private static void assertUnknownEverywhere(Object event) {
    List<RawEnum> raw = ModelJson.rawEnums(event);
    assertThat(raw).as("the event's object holds enum fields").isNotEmpty();
    for (RawEnum e : raw) {
      assertThat(e.raw()).as(e.path() + "AsString").isEqualTo(NEWER);
      assertThat(((Enum<?>) e.derived()).name()).as(e.path()).isEqualTo("UNKNOWN");
    }
  }

  private WebhookMessage signed(String type, Class<?> object) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "evt_1");
    event.put("type", type);
    event.put("created_at", "2026-11-29T10:00:00Z");
    event.put("data", Map.of("object", ModelJson.sample(object, m -> NEWER)));
    byte[] body = json.encode(event);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    WebhookSigner.builder()
        .secret(SECRET)
        .build()
        .sign("msg_1", NOW, body)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    return WebhookVerifier.builder().secret(SECRET).clock(clock).build().verify(headers, body);
  }

  private Object decode(Type model, Function<Method, String> enumValue) throws IOException {
    byte[] body = json.encode(ModelJson.sample(model, enumValue));
    return Objects.requireNonNull(
        json.adapter(model).fromJson(new String(body, StandardCharsets.UTF_8)));
  }

  /** The derived accessor at {@code path} in a decoded model. */
  private static Method derivedAt(Object model, String path) {
    for (RawEnum e : ModelJson.rawEnums(model)) {
      if (e.path().equals(path)) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        Object owner = ownerAt(model, path.substring(0, path.lastIndexOf('.')));
        try {
          return owner.getClass().getMethod(name);
        } catch (NoSuchMethodException ex) {
          throw new AssertionError(ex);
        }
      }
    }
    throw new AssertionError("no " + path);
  }

  /** The record at {@code path} ({@code Type.a.b[0].c}) in {@code model}. */
  private static Object ownerAt(Object model, String path) {
    Object current = model;
    String[] steps = path.split("\\.");
    for (int i = 1; i < steps.length; i++) {
      String step = steps[i];
      int bracket = step.indexOf('[');
      String name = bracket < 0 ? step : step.substring(0, bracket);
      try {
        current = current.getClass().getMethod(name).invoke(current);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (bracket >= 0) {
        int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
        current = ((List<?>) current).get(index);
      }
    }
    return current;
  }

  private static void reach(Type type, Set<Class<?>> reached) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        reach(arg, reached);
      }
      reach(p.getRawType(), reached);
      return;
    }
    if (!(type instanceof Class<?> raw) || !raw.isRecord() || !reached.add(raw)) {
      return; // a type variable (Page's T) is reached through the type argument given
    }
    for (RecordComponent c : raw.getRecordComponents()) {
      reach(c.getGenericType(), reached);
    }
  }

  /**
   * Records the API never sends: what partners build (params, inputs, destinations), what the SDK
   * computes (reconciliation, sync and export reports, display prices, sync changes) and the typed
   * events (checked above through their parsers).
   */
  private static boolean notAResponseModel(Class<?> type) {
    String name = type.getName();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return simple.contains("Params")
        || simple.contains("Input")
        || simple.startsWith("PaymentEvent$")
        || simple.startsWith("CatalogEvent$")
        || simple.startsWith("CatalogChange$")
        || simple.startsWith("Reconciliation")
        || Modifier.isAbstract(type.getModifiers())
        || Set.of(
                "PayoutDestination",
                "PayoutAccount",
                "ExportProgress",
                "SyncReport",
                "SyncCheckpoint",
                "DisplayPrice",
                "ProductFields")
            .contains(simple);
  }
}
