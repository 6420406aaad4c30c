package ma.hirfa.sdk.examples;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ma.hirfa.sdk.catalog.ArtisanCreateParams;
import ma.hirfa.sdk.catalog.ArtisanListParams;
import ma.hirfa.sdk.catalog.ArtisanStatus;
import ma.hirfa.sdk.catalog.ArtisanUpdateParams;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.OrderCreateParams;
import ma.hirfa.sdk.catalog.OrderListParams;
import ma.hirfa.sdk.catalog.PayoutAccount;
import ma.hirfa.sdk.catalog.ProductCreateParams;
import ma.hirfa.sdk.catalog.ProductDeleteParams;
import ma.hirfa.sdk.catalog.ProductFields;
import ma.hirfa.sdk.catalog.ProductListParams;
import ma.hirfa.sdk.catalog.ProductUpdateParams;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.payments.PaymentCaptureParams;
import ma.hirfa.sdk.payments.PaymentCreateParams;
import ma.hirfa.sdk.payments.PaymentListParams;
import ma.hirfa.sdk.payments.PaymentMethodInput;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.PayoutCreateParams;
import ma.hirfa.sdk.payments.PayoutDestination;
import ma.hirfa.sdk.payments.PayoutListParams;
import ma.hirfa.sdk.payments.RefundCreateParams;
import ma.hirfa.sdk.payments.RefundListParams;
import ma.hirfa.sdk.payments.SettlementListParams;
import ma.hirfa.sdk.payments.WebhookDeliveryListParams;
import ma.hirfa.sdk.payments.WebhookEndpointCreateParams;
import ma.hirfa.sdk.payments.WebhookEndpointListParams;

/**
 * The services of both clients, found through the clients' accessors, and a valid argument for
 * every parameter any of their operations takes. A parameter without a sample fails the tests that
 * use it: a new operation or params type must be given one here.
 */
final class ServiceSamples {
  private ServiceSamples() {}

  /** One service of a client: its blocking form and its {@code async()} view. */
  record Service(String name, Object sync, Object async) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every service of the two clients, in the order their accessors are declared. */
  static List<Service> services(PaymentsClient payments, CatalogClient catalog) {
    List<Service> out = new ArrayList<>();
    for (Object client : List.of(payments, catalog)) {
      for (Method accessor : client.getClass().getMethods()) {
        if (accessor.getParameterCount() == 0
            && accessor.getReturnType().getSimpleName().endsWith("Service")) {
          Object sync = invoke(accessor, client);
          Object async = invoke(publicMethod(sync.getClass(), "async"), sync);
          out.add(new Service(sync.getClass().getSimpleName(), sync, async));
        }
      }
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** The id of the resource of each service, valid but never created. */
  private static final Map<String, String> IDS =
      Map.of(
          "PaymentService", "pay_1",
          "RefundService", "re_1",
          "PayoutService", "po_1",
          "SettlementService", "st_20261129MAD",
          "WebhookEndpointService", "we_1",
          "ArtisanService", "art_1",
          "ProductService", "prd_1",
          "OrderService", "ord_1",
          "FxQuoteService", "fxq_1");

  /** Strings other than the resource's id, by parameter name. */
  private static final Map<String, String> STRINGS =
      Map.of(
          "etag", "\"prd_1.1\"",
          "trackingNumber", "MA-COLIS-000123",
          "from", "MAD",
          "to", "EUR",
          "cursor", "c1",
          "productId", "prd_1");

  private static final Map<Class<?>, Supplier<Object>> PARAMS =
      Map.ofEntries(
          Map.entry(RequestOptions.class, RequestOptions::none),
          Map.entry(
              PaymentCreateParams.class,
              () ->
                  PaymentCreateParams.builder()
                      .amount(Money.parse("100.00", "MAD"))
                      .orderReference("ORD-SHAPE")
                      .artisanId("art_7QK2M9")
                      .method(PaymentMethodInput.card("4242424242424242", 12, 2031, "123"))
                      .build()),
          Map.entry(PaymentListParams.class, PaymentListParams::defaults),
          Map.entry(PaymentCaptureParams.class, PaymentCaptureParams::full),
          Map.entry(
              RefundCreateParams.class,
              () -> RefundCreateParams.partial("pay_1", Money.parse("1.00", "MAD"))),
          Map.entry(RefundListParams.class, RefundListParams::defaults),
          Map.entry(
              PayoutCreateParams.class,
              () ->
                  PayoutCreateParams.of(
                      "art_7QK2M9",
                      Money.parse("10.00", "MAD"),
                      PayoutDestination.rib("011519000001205000534921"))),
          Map.entry(PayoutListParams.class, PayoutListParams::defaults),
          Map.entry(SettlementListParams.class, SettlementListParams::defaults),
          Map.entry(
              WebhookEndpointCreateParams.class,
              () -> WebhookEndpointCreateParams.allEvents("https://bank.example/hooks")),
          Map.entry(WebhookEndpointListParams.class, WebhookEndpointListParams::defaults),
          Map.entry(WebhookDeliveryListParams.class, WebhookDeliveryListParams::defaults),
          Map.entry(
              ArtisanCreateParams.class,
              () ->
                  ArtisanCreateParams.builder()
                      .nia("NIA-2026-0042")
                      .displayName("Coopérative Tifawin")
                      .status(ArtisanStatus.COOPERATIVE)
                      .crafts(List.of("knotted_rug"))
                      .region("beni_mellal_khenifra")
                      .city("Azilal")
                      .ice("001561191000066")
                      .payoutDestination(PayoutAccount.rib("011519000001205000534921"))
                      .build()),
          Map.entry(ArtisanListParams.class, ArtisanListParams::defaults),
          Map.entry(
              ArtisanUpdateParams.class, () -> ArtisanUpdateParams.builder().city("Fès").build()),
          Map.entry(
              OrderCreateParams.class,
              () ->
                  OrderCreateParams.builder()
                      .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                      .line("prd_1", 1)
                      .shipping(new OrderCreateParams.Shipping("FR", "1 rue de Rivoli"))
                      .build()),
          Map.entry(OrderListParams.class, OrderListParams::defaults),
          Map.entry(ProductCreateParams.class, () -> kilim(ProductCreateParams.builder()).build()),
          Map.entry(ProductUpdateParams.class, () -> kilim(ProductUpdateParams.builder()).build()),
          Map.entry(ProductListParams.class, ProductListParams::defaults),
          Map.entry(ProductDeleteParams.class, ProductDeleteParams::anyVersion));

  /** A valid argument for parameter {@code p} of an operation of {@code service}. */
  static Object argument(Service service, Parameter p) {
    Class<?> type = p.getType();
    if (type == int.class) {
      return 20;
    }
    if (type == String.class) {
      String value =
          p.getName().equals("id") ? IDS.get(syncName(service)) : STRINGS.get(p.getName());
      if (value == null) {
        throw new AssertionError("no sample String for " + service + " " + p);
      }
      return value;
    }
    if (type == List.class && p.getName().equals("items")) {
      return List.of(kilim(ProductCreateParams.builder()).build());
    }
    Supplier<Object> sample = PARAMS.get(type);
    if (sample == null) {
      throw new AssertionError("no sample for " + type.getName() + ": add one to ServiceSamples");
    }
    return sample.get();
  }

  /** Valid arguments for every parameter of {@code m}. */
  static Object[] arguments(Service service, Method m) {
    Parameter[] ps = m.getParameters();
    Object[] args = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      args[i] = argument(service, ps[i]);
    }
    return args;
  }

  private static String syncName(Service service) {
    return service.name().replace("Async", "");
  }

  static <B extends ProductFields.Builder<B>> B kilim(B builder) {
    return builder
        .sku("TIF-KLM-SHAPE")
        .artisanId("art_S000001")
        .craft("kilim")
        .title(LocalizedText.builder().put("ar", "حنبل").put("fr", "Kilim bleu").build())
        .price(Money.parse("1800.00", "MAD"))
        .stock(5);
  }

  static Method publicMethod(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(type.getName() + " has no " + name + "()", e);
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
