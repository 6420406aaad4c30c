package ma.hirfa.sdk.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import ma.hirfa.sdk.examples.conformance.RecordingProxy.Exchange;

/**
 * Judges one recorded exchange by the contract, independently of the sandbox's own check: the
 * operation it is (method and path template), the request (declared query parameters only, the
 * required headers present, the body valid against the request schema) and the answer (a declared
 * status, a declared media type, the required headers present, the body, or each NDJSON line, valid
 * against its schema), with {@link OpenApiSchemas}.
 */
final class ContractExchanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MARKETPLACE_ROOTS =
      List.of("/v1/taxonomy", "/v1/artisans", "/v1/products", "/v1/orders", "/v1/fx_quotes");

  private final List<Contract> contracts = Contract.all();

  /** The contract operation an exchange is, the most literal template first. */
  Optional<Contract.Operation> operationOf(Exchange e) {
    String document =
        MARKETPLACE_ROOTS.stream().anyMatch(r -> e.path().equals(r) || e.path().startsWith(r + "/"))
            ? "marketplace.yaml"
            : "payments.yaml";
    return contracts.stream()
        .filter(c -> c.name.equals(document))
        .flatMap(c -> c.pathOperations().stream())
        .filter(op -> op.method().equalsIgnoreCase(e.method()))
        .filter(op -> e.path().matches(op.path().replaceAll("\\{[^}]+}", "[^/]+")))
        .min(Comparator.comparingInt(op -> op.path().split("\\{").length));
  }

  /** Every way the exchange breaks the contract; empty when it keeps it. */
  List<String> violations(Exchange e) {
    Optional<Contract.Operation> found = operationOf(e);
    if (found.isEmpty()) {
      return List.of(e + ": no operation of the contracts");
    }
    Contract.Operation op = found.get();
    List<String> out = new ArrayList<>();
    request(op, e, out);
    response(op, e, out);
    return out.stream().map(v -> op.id() + " " + e + ": " + v).toList();
  }

  private void request(Contract.Operation op, Exchange e, List<String> out) {
    Set<String> declared = new TreeSet<>(op.parameterNames("query"));
    for (String pair : e.query().isEmpty() ? new String[0] : e.query().split("&")) {
      String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (!declared.contains(name)) {
        out.add("query parameter " + name + " is not in the contract");
      }
    }
    for (JsonNode p : op.parameters()) {
      String name = p.path("name").asText();
      if (p.path("required").asBoolean(false)
          && p.path("in").asText().equals("header")
          && !e.requestHeaders().containsKey(name.toLowerCase(Locale.ROOT))) {
        out.add("required header " + name + " not sent");
      }
      if (p.path("required").asBoolean(false)
          && p.path("in").asText().equals("query")
          && !e.query().matches("(^|.*&)" + name + "=.*")) {
        out.add("required query parameter " + name + " not sent");
      }
    }
    String pointer = pointerOf(op) + "/requestBody";
    JsonNode body = op.contract().root.at(pointer);
    if (body.has("$ref")) {
      pointer = body.get("$ref").asText().substring(1);
      body = op.contract().root.at(pointer);
    }
    if (e.requestBody().length == 0) {
      if (body.path("required").asBoolean(false)) {
        out.add("no request body, which the contract requires");
      }
      return;
    }
    if (body.isMissingNode()) {
      out.add("a request body the contract does not take");
      return;
    }
    String media = e.requestHeaders().getOrDefault("content-type", "").split(";")[0].trim();
    if (!body.path("content").has(media)) {
      out.add(
          "a body of type "
              + media
              + " where the contract takes "
              + body.path("content").fieldNames().next());
      return;
    }
    validate(
        op.contract(),
        pointer + "/content/" + OpenApiSchemas.step(media) + "/schema",
        e.requestBody(),
        false,
        out);
  }

  private void response(Contract.Operation op, Exchange e, List<String> out) {
    String status = Integer.toString(e.status());
    String key =
        op.node().path("responses").has(status)
            ? status
            : op.node().path("responses").has(status.charAt(0) + "XX")
                ? status.charAt(0) + "XX"
                : op.node().path("responses").has("default") ? "default" : null;
    if (key == null) {
      out.add("status " + status + " is not declared");
      return;
    }
    String pointer = pointerOf(op) + "/responses/" + key;
    JsonNode r = op.contract().root.at(pointer);
    if (r.has("$ref")) {
      pointer = r.get("$ref").asText().substring(1);
      r = op.contract().root.at(pointer);
    }
    for (Map.Entry<String, JsonNode> h : iterable(r.path("headers"))) {
      JsonNode header = op.contract().resolve(h.getValue());
      if (header.path("required").asBoolean(false)
          && !e.responseHeaders().containsKey(h.getKey().toLowerCase(Locale.ROOT))) {
        out.add("required response header " + h.getKey() + " not sent");
      }
    }
    if (e.responseBody().length == 0) {
      if (r.has("content") && !status.equals("304")) {
        out.add("no body where the contract declares one");
      }
      return;
    }
    String type = e.responseHeaders().getOrDefault("content-type", "").split(";")[0].trim();
    if (!r.path("content").has(type)) {
      out.add("content type " + type + " is not declared");
      return;
    }
    String schema = pointer + "/content/" + OpenApiSchemas.step(type) + "/schema";
    validate(op.contract(), schema, e.responseBody(), type.equals("application/x-ndjson"), out);
  }

  private static void validate(
      Contract c, String pointer, byte[] body, boolean lines, List<String> out) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<String> documents = lines ? List.of(text.split("\n")) : List.of(text);
    int n = 0;
    for (String d : documents) {
      n++;
      if (d.isBlank()) {
        continue;
      }
      try {
        for (String v : OpenApiSchemas.violations(c, pointer, JSON.readTree(d))) {
          out.add((lines ? "line " + n + ": " : "") + v);
        }
      } catch (IOException ex) {
        out.add((lines ? "line " + n + ": " : "") + "not JSON: " + ex.getMessage());
      }
    }
  }

  /** The JSON pointer of an operation in its document. */
  private static String pointerOf(Contract.Operation op) {
    return "/paths/" + OpenApiSchemas.step(op.path()) + "/" + op.method();
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
