package ma.hirfa.sdk.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document of {@code docs/openapi}, read as a plain JSON tree (the test must see the
 * document as written, {@code x-} extensions included, not as a parser's model of it): its
 * operations (paths, callbacks and {@code x-webhooks}) and {@code $ref} resolution.
 */
final class Contract {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
  static final List<String> DOCUMENTS = List.of("payments.yaml", "marketplace.yaml");

  /** Where an operation is declared. */
  enum Kind {
    PATH,
    CALLBACK,
    WEBHOOK
  }

  /**
   * An operation with its effective parameters (path-level ones first).
   *
   * @param path the path template, the callback's expression or the webhook's name
   */
  record Operation(
      Contract contract,
      Kind kind,
      String id,
      String method,
      String path,
      JsonNode node,
      List<JsonNode> parameters) {
    @Override
    public String toString() {
      return contract.name + " " + id;
    }

    /** Responses by status key, in document order, each resolved. */
    Map<String, JsonNode> responses() {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      node.path("responses")
          .fields()
          .forEachRemaining(e -> out.put(e.getKey(), contract.resolve(e.getValue())));
      return out;
    }

    /** The names of the parameters sent in {@code in} (header, query, path). */
    List<String> parameterNames(String in) {
      List<String> out = new ArrayList<>();
      for (JsonNode p : parameters) {
        if (p.path("in").asText().equals(in)) {
          out.add(p.path("name").asText());
        }
      }
      return out;
    }
  }

  final String name;
  final JsonNode root;

  private Contract(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  static Contract load(String document) {
    Path file = ROOT.resolve("docs/openapi").resolve(document);
    try {
      return new Contract(document, YAML.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Contract> all() {
    return DOCUMENTS.stream().map(Contract::load).toList();
  }

  /** Follows {@code $ref}s within this document until a node that is not one. */
  JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; n != null && n.has("$ref"); i++) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#/") || i > 20) {
        throw new IllegalStateException(name + ": cannot follow " + ref);
      }
      n = root.at(ref.substring(1));
      if (n.isMissingNode()) {
        throw new IllegalStateException(name + ": " + ref + " leads nowhere");
      }
    }
    return n;
  }

  /** The name of the component a {@code $ref} names, or null. */
  static String refName(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
  }

  List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        out.add(operation(Kind.PATH, method, path.getKey(), op, path.getValue()));
        op.path("callbacks")
            .fields()
            .forEachRemaining(
                cb ->
                    cb.getValue()
                        .fields()
                        .forEachRemaining(
                            expr -> {
                              for (String m : METHODS) {
                                JsonNode c = expr.getValue().get(m);
                                if (c != null) {
                                  out.add(
                                      operation(
                                          Kind.CALLBACK, m, expr.getKey(), c, expr.getValue()));
                                }
                              }
                            }));
      }
    }
    root.path("x-webhooks")
        .fields()
        .forEachRemaining(
            w -> {
              for (String m : METHODS) {
                JsonNode op = w.getValue().get(m);
                if (op != null) {
                  out.add(operation(Kind.WEBHOOK, m, w.getKey(), op, w.getValue()));
                }
              }
            });
    return out;
  }

  List<Operation> pathOperations() {
    return operations().stream().filter(o -> o.kind() == Kind.PATH).toList();
  }

  private Operation operation(Kind kind, String method, String path, JsonNode op, JsonNode item) {
    List<JsonNode> params = new ArrayList<>();
    for (JsonNode p :
        (item.path("parameters").isArray() ? item.path("parameters") : new ArrayNode(null))) {
      params.add(resolve(p));
    }
    for (JsonNode p : op.path("parameters")) {
      params.add(resolve(p));
    }
    return new Operation(this, kind, op.path("operationId").asText(), method, path, op, params);
  }
}
