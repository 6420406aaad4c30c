package ma.hirfa.sdk.examples;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each Javadoc example is compiled: what it is (statements, an expression, class members or a
 * whole file), the imports it needs beyond the SDK's packages, and the few declarations it assumes
 * (the variables and collaborators a reader has in hand). An example not listed is statements
 * needing nothing.
 */
final class ExampleSpecs {
  private ExampleSpecs() {}

  /** What the example's code is, and so how it is wrapped. */
  enum Shape {
    /** Statements: the body of {@code void example() throws Exception}. */
    STATEMENTS,
    /** Statements ending with {@code return} of an HTTP status: an {@code int} method's body. */
    RETURNS_INT,
    /** One expression, as an example of a value. */
    EXPRESSION,
    /** Fields and methods: a class body. */
    MEMBERS,
    /** A whole file after the imports. */
    UNIT
  }

  record Spec(Shape shape, List<String> imports, String declarations) {}

  /**
   * Examples that do not compile, reviewed, each with its reason; everything else must compile.
   * Each is still compiled and must still fail: one that compiles again must leave this list.
   */
  static final Map<String, String> NOT_COMPILED =
      Map.of("SandboxMain#1", "a shell command line (java -jar ...), not Java");

  /** Packages every example sees, as a reader of the SDK's Javadoc would import them. */
  private static final List<String> IMPORTS =
      List.of(
          "java.math.*",
          "java.nio.file.*",
          "java.time.*",
          "java.util.*",
          "java.util.concurrent.*",
          "java.util.function.*",
          "ma.hirfa.sdk.core.*",
          "ma.hirfa.sdk.core.validation.*",
          "ma.hirfa.sdk.core.webhooks.*",
          "ma.hirfa.sdk.payments.*",
          "ma.hirfa.sdk.payments.cmi.*",
          "ma.hirfa.sdk.payments.validation.*",
          "ma.hirfa.sdk.catalog.*",
          "ma.hirfa.sdk.testkit.*");

  private static final String WEBHOOK_REQUEST =
      "WebhookVerifier verifier; Map<String, List<String>> headers; byte[] rawBody; byte[] body;";

  static final Map<String, Spec> SPECS =
      Map.ofEntries(
          Map.entry("ArtisanUpdateParams#1", statements("Artisan current;")),
          Map.entry(
              "CatalogChange#1",
              statements(
                  "CatalogChange change; Shop shop; interface Shop { long versionOf(String id);"
                      + " void save(Product p); void delete(String id, long version); }")),
          Map.entry(
              "CatalogClient#1",
              statements(
                  "Shop shop; interface Shop { void upsert(Product p); }"
                      + " void log(ExportProgress progress) {}")),
          Map.entry(
              "CatalogEvent#1",
              statements(
                  WEBHOOK_REQUEST
                      + " CatalogEventParser parser; Shop shop; interface Shop {"
                      + " void save(Product p); void remove(String id); }")),
          Map.entry(
              "CatalogSync#1",
              statements(
                  "CatalogClient catalog; Shop shop; interface Shop { Set<String> productIds();"
                      + " long versionOf(String id); void save(Product p);"
                      + " void delete(String id, long version); }")),
          Map.entry("DisplayPrice#1", statements("FxQuote quote; Product product;")),
          Map.entry("PaymentCaptureParams#1", statements("PaymentsClient client; String id;")),
          Map.entry(
              "PaymentServiceAsync#1",
              statements("PaymentsClient client; PaymentCreateParams params;")),
          Map.entry("ProductDeleteParams#1", statements("CatalogClient catalog; Product current;")),
          Map.entry("ProductUpdateParams#1", statements("CatalogClient catalog;")),
          Map.entry("RefundCreateParams#1", statements("PaymentsClient client; Payment payment;")),
          Map.entry("OrderCreateParams#1", statements("FxQuote quote;")),
          Map.entry(
              "ProductExport#1",
              statements(
                  "CatalogClient catalog; Bar bar; interface Bar { void update(ExportProgress p); }"
                      + " Shop shop; interface Shop { void upsert(Product p); }")),
          Map.entry(
              "AutoPager#1",
              statements(
                  "PaymentsClient client; PaymentListParams params; Ledger ledger;"
                      + " interface Ledger { void record(Payment p); }")),
          Map.entry(
              "CallListener#1",
              statements(
                  "Registry registry; interface Timer { void record(Duration d); }"
                      + " interface Registry { Timer timer(String name, String... tags); }")),
          Map.entry(
              "RequestOptions#1", statements("PaymentsClient client; PaymentCreateParams params;")),
          Map.entry(
              "Sleeper#1",
              new Spec(Shape.STATEMENTS, List.of("java.util.concurrent.CopyOnWriteArrayList"), "")),
          Map.entry(
              "WireEnum#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("org.slf4j.Logger"),
                  "Payment payment; Order order; Logger log; void ship(Order o) {}")),
          Map.entry(
              "Operation#1",
              new Spec(
                  Shape.MEMBERS,
                  List.of("ma.hirfa.sdk.core.internal.http.*"),
                  "String id; RequestOptions options;")),
          Map.entry(
              "ProcessedEvents#1",
              new Spec(
                  Shape.RETURNS_INT,
                  List.of(),
                  WEBHOOK_REQUEST + " PaymentEventParser parser; void ship(PaymentEvent e) {}")),
          Map.entry("WebhookSigner#1", statements("byte[] body;")),
          Map.entry(
              "WebhookVerifier#1",
              statements(
                  "byte[] rawBody; Request request;"
                      + " interface Request { Map<String, List<String>> headers(); }")),
          Map.entry(
              "WebhookVerifier#2",
              statements(
                  WEBHOOK_REQUEST
                      + " ProcessedEvents processed; PaymentEventParser parser;"
                      + " void ship(PaymentEvent e) {}")),
          Map.entry(
              "ServletWebhooks#1",
              new Spec(
                  Shape.MEMBERS,
                  List.of(
                      "java.io.IOException",
                      "jakarta.servlet.http.HttpServletRequest",
                      "jakarta.servlet.http.HttpServletResponse",
                      "ma.hirfa.sdk.core.webhooks.servlet.ServletWebhooks"),
                  "WebhookVerifier verifier; ProcessedEvents processed;"
                      + " void handle(WebhookMessage m) {}")),
          Map.entry(
              "PaymentEvent#1",
              statements(
                  WEBHOOK_REQUEST
                      + " PaymentEventParser parser; Orders orders;"
                      + " interface Orders { void markPaid(String orderReference); }")),
          Map.entry(
              "Reconciliation#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("java.util.stream.Stream"),
                  "PaymentsClient client; List<Payment> myPayments; List<Refund> myRefunds;"
                      + " List<Payout> myPayouts; void alert(Reconciliation.Mismatch m) {}")),
          Map.entry(
              "WebhookEndpointService#1",
              statements(
                  "PaymentsClient client; Secrets secrets;"
                      + " interface Secrets { void store(String secret); }"
                      + " void replay(String eventId) {}")),
          Map.entry(
              "CmiCallback#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("jakarta.servlet.http.HttpServletResponse"),
                  "ProcessedEvents processedEvents; Map<String, String> posted;"
                      + " HttpServletResponse response; Orders orders; interface Orders {"
                      + " Money amountOf(String orderId); void markPaid(String orderId); }")),
          Map.entry("CmiPaymentForm#1", statements("String storeKey;")),
          Map.entry("CatalogFaults#1", statements("Sandbox sandbox;")),
          Map.entry(
              "CatalogView#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("static org.assertj.core.api.Assertions.assertThat"),
                  "Sandbox sandbox; List<Product> imported;")),
          Map.entry("DuplicateKeys#1", statements("byte[] genuineEventBody;")),
          Map.entry("Faults#1", statements("Sandbox sandbox;")),
          Map.entry("Faults#2", statements("Sandbox sandbox;")),
          Map.entry(
              "HirfaSandboxExtension#1",
              new Spec(
                  Shape.UNIT,
                  List.of(
                      "org.junit.jupiter.api.Test", "org.junit.jupiter.api.extension.ExtendWith"),
                  "")),
          Map.entry(
              "HirfaSandbox#1",
              new Spec(
                  Shape.UNIT,
                  List.of(
                      "static org.assertj.core.api.Assertions.assertThat",
                      "java.time.Instant",
                      "org.junit.jupiter.api.Test",
                      "org.junit.jupiter.api.extension.ExtendWith"),
                  "")),
          Map.entry("FakeClock#1", statements("Sandbox sandbox;")),
          Map.entry(
              "HirfaSandboxExtension#2",
              new Spec(
                  Shape.MEMBERS,
                  List.of("org.junit.jupiter.api.extension.RegisterExtension"),
                  "static Instant start;")),
          Map.entry(
              "RecordingSleeper#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("static org.assertj.core.api.Assertions.assertThat"),
                  "Sandbox sandbox; PaymentsClient client; PaymentCreateParams params;"
                      + " RecordingSleeper sleeper;")),
          Map.entry(
              "Sandbox#2",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("static org.assertj.core.api.Assertions.assertThat"),
                  "Sandbox sandbox; PaymentsClient client; PaymentCreateParams params;")),
          Map.entry("Mutations#1", statements("byte[] validJson;")),
          Map.entry(
              "RecordSamples#1",
              new Spec(
                  Shape.STATEMENTS,
                  List.of("static org.assertj.core.api.Assertions.assertThat"),
                  "")));

  private static Spec statements(String declarations) {
    return new Spec(Shape.STATEMENTS, List.of(), declarations);
  }

  /** The compilation unit {@code unit} for the example {@code id}. */
  static String source(String id, String unit, String code) {
    Spec spec = SPECS.getOrDefault(id, new Spec(Shape.STATEMENTS, List.of(), ""));
    StringBuilder sb = new StringBuilder("package snippets;\n");
    for (String i : IMPORTS) {
      sb.append("import ").append(i).append(";\n");
    }
    sb.append(
        spec.imports().stream().map(i -> "import " + i + ";\n").collect(Collectors.joining()));
    if (spec.shape() == Shape.UNIT) {
      return sb.append(code).toString();
    }
    sb.append("@SuppressWarnings(\"all\")\nclass ").append(unit).append(" {\n");
    sb.append(spec.declarations()).append('\n');
    switch (spec.shape()) {
      case STATEMENTS ->
          sb.append("void example() throws Exception {\n").append(code).append("}\n");
      case RETURNS_INT ->
          sb.append("int example() throws Exception {\n").append(code).append("}\n");
      case EXPRESSION -> sb.append("Object example() {\nreturn ").append(code).append(";\n}\n");
      case MEMBERS -> sb.append(code);
      case UNIT -> throw new AssertionError("handled above");
    }
    return sb.append("}\n").toString();
  }
}
