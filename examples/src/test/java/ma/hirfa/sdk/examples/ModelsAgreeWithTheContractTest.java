package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.Artisan;
import ma.hirfa.sdk.catalog.BatchResult;
import ma.hirfa.sdk.catalog.ChangePage;
import ma.hirfa.sdk.catalog.FxQuote;
import ma.hirfa.sdk.catalog.Order;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductChange;
import ma.hirfa.sdk.catalog.Taxonomy;
import ma.hirfa.sdk.core.FieldError;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.payments.FeeSplit;
import ma.hirfa.sdk.payments.NextAction;
import ma.hirfa.sdk.payments.Payment;
import ma.hirfa.sdk.payments.PaymentMethodDetails;
import ma.hirfa.sdk.payments.Payout;
import ma.hirfa.sdk.payments.Refund;
import ma.hirfa.sdk.payments.Settlement;
import ma.hirfa.sdk.payments.SettlementLine;
import ma.hirfa.sdk.payments.WebhookDelivery;
import ma.hirfa.sdk.payments.WebhookEndpoint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each response schema of {@code docs/openapi/} and the record that decodes it agree, member by
 * member: the same names; a member the contract makes optional or nullable is optional in the
 * record ({@code @Nullable}, or a collection that defaults to empty), so everything the contract
 * allows decodes; a required scalar is required in the record, so a missing number fails instead of
 * becoming 0; an enum member is a raw {@code xAsString} whose enum has exactly the contract's
 * values (plus {@code UNKNOWN}).
 *
 * <p>Not compared: {@code Problem}, read as far as it goes by design (see its Javadoc), and the
 * value types {@code Money} and {@code LocalizedText}, which have their own adapters and tests.
 */
class ModelsAgreeWithTheContractTest {
  private static final Path OPENAPI =
      Path.of("..").toAbsolutePath().normalize().resolve("docs/openapi");

  /** A schema (by name, or a path to an inline one) and the record decoding it. */
  record Pair(String document, String schema, Class<?> record) {
    @Override
    public String toString() {
      return document + "#" + schema + " = " + record.getSimpleName();
    }
  }

  static Stream<Pair> pairs() {
    return Stream.of(
        new Pair("payments.yaml", "Payment", Payment.class),
        new Pair("payments.yaml", "NextAction", NextAction.class),
        new Pair("payments.yaml", "FeeSplit", FeeSplit.class),
        new Pair("payments.yaml", "PaymentMethodDetails", PaymentMethodDetails.class),
        new Pair("payments.yaml", "Refund", Refund.class),
        new Pair("payments.yaml", "Payout", Payout.class),
        new Pair("payments.yaml", "Payout.destination", Payout.Destination.class),
        new Pair("payments.yaml", "Settlement", Settlement.class),
        new Pair("payments.yaml", "SettlementLine", SettlementLine.class),
        new Pair("payments.yaml", "WebhookEndpoint", WebhookEndpoint.class),
        new Pair("payments.yaml", "WebhookDelivery", WebhookDelivery.class),
        new Pair("payments.yaml", "PaymentList", Page.class),
        new Pair("payments.yaml", "RefundList", Page.class),
        new Pair("payments.yaml", "PayoutList", Page.class),
        new Pair("payments.yaml", "SettlementList", Page.class),
        new Pair("payments.yaml", "WebhookEndpointList", Page.class),
        new Pair("payments.yaml", "WebhookDeliveryList", Page.class),
        new Pair("marketplace.yaml", "Taxonomy", Taxonomy.class),
        new Pair("marketplace.yaml", "Category", Taxonomy.Category.class),
        new Pair("marketplace.yaml", "Branch", Taxonomy.Branch.class),
        new Pair("marketplace.yaml", "Craft", Taxonomy.Craft.class),
        new Pair("marketplace.yaml", "Artisan", Artisan.class),
        new Pair(
            "marketplace.yaml", "PayoutDestinationMasked", Artisan.MaskedPayoutDestination.class),
        new Pair("marketplace.yaml", "ArtisanList", Page.class),
        new Pair("marketplace.yaml", "Image", Product.Image.class),
        new Pair("marketplace.yaml", "Dimensions", Product.Dimensions.class),
        new Pair("marketplace.yaml", "Product", Product.class),
        new Pair("marketplace.yaml", "ProductList", Page.class),
        new Pair("marketplace.yaml", "BatchItemResult", BatchResult.Item.class),
        new Pair("marketplace.yaml", "BatchItemResult.errors[]", FieldError.class),
        new Pair("marketplace.yaml", "Change", ProductChange.class),
        new Pair("marketplace.yaml", "ChangeList", ChangePage.class),
        new Pair("marketplace.yaml", "Order", Order.class),
        new Pair("marketplace.yaml", "Order.lines[]", Order.Line.class),
        new Pair("marketplace.yaml", "OrderList", Page.class),
        new Pair("marketplace.yaml", "FxQuote", FxQuote.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void theRecordHasExactlyTheSchemasMembers(Pair pair) throws IOException {
    Schema<?> schema = schema(pair);
    assertThat(components(pair.record()).keySet())
        .as("members of %s", pair)
        .containsExactlyInAnyOrderElementsOf(properties(schema).keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void whatTheContractMakesOptionalIsOptionalAndWhatItRequiresIsRequired(Pair pair)
      throws IOException {
    Schema<?> schema = schema(pair);
    List<String> disagreements = new ArrayList<>();
    components(pair.record())
        .forEach(
            (name, c) -> {
              Schema<?> member = properties(schema).get(name);
              if (member == null) {
                return; // reported by the test above
              }
              boolean contractOptional =
                  schema.getRequired() == null
                      || !schema.getRequired().contains(name)
                      || Boolean.TRUE.equals(resolve(pair.document(), member).getNullable());
              boolean collection =
                  Collection.class.isAssignableFrom(c.getType())
                      || Map.class.isAssignableFrom(c.getType());
              if (contractOptional && !collection && !nullable(c)) {
                disagreements.add(name + " is optional in the contract, required in the record");
              }
              if (!contractOptional && !collection && nullable(c)) {
                disagreements.add(name + " is required in the contract, @Nullable in the record");
              }
            });
    assertThat(disagreements).as("%s", pair).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void everyEnumMemberIsKeptRawWithAnEnumOfTheContractsValues(Pair pair) throws IOException {
    Schema<?> schema = schema(pair);
    List<String> disagreements = new ArrayList<>();
    components(pair.record())
        .forEach(
            (name, c) -> {
              Schema<?> member = properties(schema).get(name);
              if (member == null) {
                return;
              }
              List<?> values = enumValues(resolve(pair.document(), member));
              Method derived = ModelJson.derivedAccessor(pair.record(), c);
              if (values == null && derived != null) {
                disagreements.add(name + " is an enum in the record, not in the contract");
              } else if (values != null && derived == null) {
                disagreements.add(name + " is an enum in the contract: keep it raw (xAsString)");
              } else if (values != null) {
                Set<String> known = new TreeSet<>(ModelJson.knownWireValues(derived));
                Set<String> declared = new TreeSet<>();
                values.forEach(v -> declared.add(String.valueOf(v)));
                if (!known.equals(declared)) {
                  disagreements.add(
                      name + ": the SDK knows " + known + ", the contract " + declared);
                }
              }
            });
    assertThat(disagreements).as("%s", pair).isEmpty();
  }

  /**
   * The values a member's enum declares: a closed {@code enum} (requests only) or the open {@code
   * x-extensible-enum} of a response, whose values are the known ones and more may come.
   */
  private static @Nullable List<?> enumValues(Schema<?> s) {
    if (s.getEnum() != null) {
      return s.getEnum();
    }
    Object open = s.getExtensions() == null ? null : s.getExtensions().get("x-extensible-enum");
    return open instanceof List<?> list ? list : null;
  }

  /** The record's components by wire name ({@code statusAsString} is {@code status}). */
  private static Map<String, RecordComponent> components(Class<?> record) {
    Map<String, RecordComponent> out = new TreeMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      Method derived = ModelJson.derivedAccessor(record, c);
      out.put(ModelJson.snakeCase(derived != null ? derived.getName() : c.getName()), c);
    }
    return out;
  }

  private static boolean nullable(RecordComponent c) {
    for (Annotation a : c.getAnnotatedType().getAnnotations()) {
      if (a.annotationType() == Nullable.class) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(Schema<?> schema) {
    return schema.getProperties() == null ? Map.of() : schema.getProperties();
  }

  /** The named schema, or an inline one: {@code Payout.destination}, {@code Order.lines[]}. */
  private static Schema<?> schema(Pair pair) throws IOException {
    String[] steps = pair.schema().split("\\.");
    Schema<?> s = resolve(pair.document(), components(pair.document()).get(steps[0]));
    for (int i = 1; i < steps.length; i++) {
      String step = steps[i];
      boolean items = step.endsWith("[]");
      s = resolve(pair.document(), properties(s).get(items ? step.replace("[]", "") : step));
      if (items) {
        s = resolve(pair.document(), s.getItems());
      }
    }
    return s;
  }

  /** Follows {@code $ref} and a one-element {@code allOf}. */
  private static Schema<?> resolve(String document, Schema<?> s) {
    Schema<?> out = s;
    if (out.getAllOf() != null && out.getAllOf().size() == 1) {
      out = out.getAllOf().get(0);
    }
    if (out.get$ref() != null) {
      String name = out.get$ref().substring(out.get$ref().lastIndexOf('/') + 1);
      try {
        return components(document).get(name);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  @SuppressWarnings("rawtypes")
  private static final Map<String, Map<String, Schema>> PARSED = new ConcurrentHashMap<>();

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> components(String document) throws IOException {
    Map<String, Schema> cached = PARSED.get(document);
    if (cached == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      OpenAPI api =
          new OpenAPIParser()
              .readContents(Files.readString(OPENAPI.resolve(document)), null, options)
              .getOpenAPI();
      cached = api.getComponents().getSchemas();
      PARSED.put(document, cached);
    }
    return cached;
  }
}
