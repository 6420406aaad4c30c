package ma.hirfa.sdk.examples.conformance;

import static java.util.Map.entry;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import ma.hirfa.sdk.catalog.Artisan;
import ma.hirfa.sdk.catalog.BatchResult;
import ma.hirfa.sdk.catalog.ChangePage;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Order;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.Taxonomy;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.Problem;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.Payout;
import ma.hirfa.sdk.payments.Refund;
import ma.hirfa.sdk.payments.Settlement;
import ma.hirfa.sdk.payments.SettlementLine;
import ma.hirfa.sdk.payments.WebhookEndpoint;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The model each response of the contracts decodes to in the SDK, and the decoding itself: the
 * clients' {@link Json} (the adapter of the type, then nothing after the document), so what passes
 * here passes in a client.
 */
final class SdkModels {
  /** The body of every error response, whatever the operation. */
  static final Type PROBLEM = Problem.class;

  /**
   * The model of each operation's success body, by {@code operationId}. A name in quotes is a model
   * another branch adds: it is looked up when the test runs, and its absence is a failure.
   */
  private static final Map<String, Object> SUCCESS =
      Map.ofEntries(
          entry("createPayment", Payment.class),
          entry("listPayments", page(Payment.class)),
          entry("getPayment", Payment.class),
          entry("capturePayment", Payment.class),
          entry("cancelPayment", Payment.class),
          entry("createRefund", Refund.class),
          entry("listRefunds", page(Refund.class)),
          entry("getRefund", Refund.class),
          entry("createPayout", Payout.class),
          entry("listPayouts", page(Payout.class)),
          entry("getPayout", Payout.class),
          entry("listSettlements", page(Settlement.class)),
          entry("getSettlement", Settlement.class),
          entry("streamSettlementLines", SettlementLine.class),
          entry("createWebhookEndpoint", WebhookEndpoint.class),
          entry("listWebhookEndpoints", page(WebhookEndpoint.class)),
          entry("listWebhookDeliveries", "Page<ma.hirfa.sdk.payments.WebhookDelivery>"),
          entry("getTaxonomy", Taxonomy.class),
          entry("listArtisans", page(Artisan.class)),
          entry("createArtisan", Artisan.class),
          entry("getArtisan", Artisan.class),
          entry("updateArtisan", Artisan.class),
          entry("listProducts", page(Product.class)),
          entry("createProduct", Product.class),
          entry("getProduct", Product.class),
          entry("updateProduct", Product.class),
          entry("archiveProduct", Product.class),
          entry("upsertProducts", BatchResult.class),
          entry("exportProducts", Product.class),
          entry("listProductChanges", ChangePage.class),
          entry("createOrder", Order.class),
          entry("listOrders", page(Order.class)),
          entry("getOrder", Order.class),
          entry("changeOrderStatus", Order.class),
          entry("createFxQuote", FxQuote.class),
          entry("getFxQuote", FxQuote.class));

  /** Lines of an NDJSON body that are not the operation's model, and who reads them instead. */
  static final Map<String, String> OTHER_LINES =
      Map.of(
          "ExportEnd", "the export's closing line, read by ProductExport (StreamConformanceTest)");

  private SdkModels() {}

  private static Type page(Class<?> item) {
    return Types.newParameterizedType(Page.class, item);
  }

  /** The success model of an operation, or empty when the SDK has none (yet). */
  static Optional<Type> success(String operationId) {
    Object t = SUCCESS.get(operationId);
    if (t == null) {
      return Optional.empty();
    }
    if (t instanceof Type type) {
      return Optional.of(type);
    }
    String name = (String) t;
    boolean paged = name.startsWith("Page<");
    String className = paged ? name.substring(5, name.length() - 1) : name;
    try {
      Class<?> c = Class.forName(className);
      return Optional.of(paged ? page(c) : c);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  static boolean named(String operationId) {
    return SUCCESS.containsKey(operationId);
  }

  /** What the SDK makes of {@code json} as a {@code type}; throws what a client would throw. */
  static @Nullable Object decode(Json json, Type type, String body) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeString(body, StandardCharsets.UTF_8));
    Object value = json.adapter(type).fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("unexpected content after the JSON document");
    }
    return value;
  }
}
