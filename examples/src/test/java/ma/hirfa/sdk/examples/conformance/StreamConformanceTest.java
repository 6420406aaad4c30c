package ma.hirfa.sdk.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.Product;
import ma.hirfa.sdk.catalog.ProductExport;
import ma.hirfa.sdk.examples.conformance.SchemaInstances.Variant;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.SettlementLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The two NDJSON bodies as the contract describes them, read by the clients themselves from a
 * server on 127.0.0.1 that sends what the test generated from the contract: an export whose every
 * line but the last is a {@code Product} and whose last is the {@code ExportEnd} line (in every
 * spelling the schema allows, with or without its final newline), and settlement lines. An odd line
 * between two ordinary ones must come out, and so must its neighbours.
 */
class StreamConformanceTest {
  private static final List<Variant> ODD =
      List.of(
          Variant.EXAMPLE,
          Variant.REQUIRED,
          Variant.NULLS,
          Variant.UNKNOWN_FIELDS,
          Variant.UNKNOWN_ENUMS,
          Variant.MIN,
          Variant.MAX);
  private static final int RANDOM = 8;

  private static HttpServer server;
  private static final AtomicReference<String> body = new AtomicReference<>("");
  private static final AtomicReference<String> cursorHeader = new AtomicReference<>("");
  private static Contract marketplace;
  private static Contract payments;

  @BeforeAll
  static void serve() throws IOException {
    marketplace = Contract.load("marketplace.yaml");
    payments = Contract.load("payments.yaml");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
          exchange.getResponseHeaders().add("Request-Id", "req_conformance");
          if (exchange.getRequestURI().getPath().endsWith("/export")) {
            exchange.getResponseHeaders().add("Export-Cursor", cursorHeader.get());
          }
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static final String KEY = "sk_test_conformance1234";

  @TestFactory
  Stream<DynamicNode> theExportDeliversEveryProductAndTheClosingLineTheContractAllows() {
    List<DynamicNode> tests = new ArrayList<>();
    JsonNode product = marketplace.root.at("/components/schemas/Product");
    JsonNode end = marketplace.root.at("/components/schemas/ExportEnd");
    List<long[]> cases = new ArrayList<>();
    for (Variant v : ODD) {
      cases.add(new long[] {v.ordinal(), ResponseConformanceTest.SEED});
    }
    for (int i = 0; i < RANDOM; i++) {
      cases.add(new long[] {Variant.RANDOM.ordinal(), ResponseConformanceTest.SEED + i});
    }
    for (long[] c : cases) {
      Variant v = Variant.values()[(int) c[0]];
      long seed = c[1];
      tests.add(
          DynamicTest.dynamicTest(
              "product "
                  + v
                  + " seed "
                  + seed
                  + ", closing line "
                  + v
                  + (seed % 2 == 0 ? "" : " without its newline"),
              () -> {
                JsonNode a = SchemaInstances.of(marketplace, product, Variant.ALL, seed);
                JsonNode odd = SchemaInstances.of(marketplace, product, v, seed);
                JsonNode b = SchemaInstances.of(marketplace, product, Variant.REQUIRED, seed + 1);
                JsonNode closing = SchemaInstances.of(marketplace, end, v, seed);
                String cursor = closing.get("export_cursor").asText();
                cursorHeader.set(cursor);
                body.set(a + "\n" + odd + "\n" + b + "\n" + closing + (seed % 2 == 0 ? "\n" : ""));
                List<String> ids = new ArrayList<>();
                try (CatalogClient client =
                        CatalogClient.builder().apiKey(KEY).baseUrl(baseUrl()).build();
                    ProductExport export = client.products().export()) {
                  for (Product p : export) {
                    ids.add(p.id());
                  }
                  assertThat(export.isComplete()).as("the export saw its closing line").isTrue();
                  assertThat(export.exportCursor()).isEqualTo(cursor);
                } catch (RuntimeException e) {
                  throw new AssertionFailedError(
                      "the export stopped on a line the contract allows: "
                          + e
                          + "\n"
                          + SchemaInstances.shown(odd),
                      e);
                }
                assertThat(ids)
                    .as("the three products, the odd one between its neighbours")
                    .containsExactly(
                        a.get("id").asText(), odd.get("id").asText(), b.get("id").asText());
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicNode> settlementLinesDeliverEveryLineTheContractAllows() {
    List<DynamicNode> tests = new ArrayList<>();
    JsonNode line = payments.root.at("/components/schemas/SettlementLine");
    for (int i = 0; i < ODD.size() + RANDOM; i++) {
      Variant v = i < ODD.size() ? ODD.get(i) : Variant.RANDOM;
      long seed = ResponseConformanceTest.SEED + i;
      tests.add(
          DynamicTest.dynamicTest(
              "line " + v + " seed " + seed,
              () -> {
                JsonNode a = SchemaInstances.of(payments, line, Variant.ALL, seed);
                JsonNode odd = SchemaInstances.of(payments, line, v, seed);
                JsonNode b = SchemaInstances.of(payments, line, Variant.REQUIRED, seed + 1);
                body.set(
                    Stream.of(a, odd, b).map(JsonNode::toString).collect(Collectors.joining("\n")));
                List<String> ids;
                try (PaymentsClient client =
                        PaymentsClient.builder().apiKey(KEY).baseUrl(baseUrl()).build();
                    Stream<SettlementLine> lines = client.settlements().lines("st_20261129MAD")) {
                  ids = lines.map(SettlementLine::id).toList();
                } catch (RuntimeException e) {
                  throw new AssertionFailedError(
                      "the settlement stream stopped on a line the contract allows: "
                          + e
                          + "\n"
                          + SchemaInstances.shown(odd),
                      e);
                }
                assertThat(ids)
                    .containsExactly(
                        a.get("id").asText(), odd.get("id").asText(), b.get("id").asText());
              }));
    }
    return tests.stream();
  }
}
