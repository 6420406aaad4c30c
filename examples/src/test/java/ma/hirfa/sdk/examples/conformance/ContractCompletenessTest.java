package ma.hirfa.sdk.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What issue 15 asks of the documents themselves, beyond what the two linters check: every status
 * the sandbox really sends is declared, every schema carries an example that the independent
 * validator ({@link OpenApiSchemas}) accepts, response schemas are open (new members, new enum
 * values) and request schemas closed, and every operation names the {@code Hirfa-*} headers.
 */
class ContractCompletenessTest {
  /** Answered by any operation: a request breaking the contract, a bad key, the rate limit. */
  static final List<String> EVERY_OPERATION = List.of("400", "401", "429");

  static final List<String> HIRFA_HEADERS =
      List.of("Hirfa-Version", "Hirfa-Attempt", "Hirfa-Invocation-Id");

  @Test
  void everyOperationDeclaresTheStatusesEveryRouteMayAnswer() {
    List<String> missing = new ArrayList<>();
    for (Contract c : Contract.all()) {
      for (Contract.Operation op : c.pathOperations()) {
        Set<String> statuses = op.responses().keySet();
        for (String s : EVERY_OPERATION) {
          if (!statuses.contains(s)) {
            missing.add(op + " " + s);
          }
        }
        if (!statuses.contains("5XX") && !statuses.contains("default")) {
          missing.add(op + " 5XX or default");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyOperationTakingAnIdempotencyKeyDeclaresTheReusedAndTheBusyKey() {
    List<String> missing = new ArrayList<>();
    for (Contract c : Contract.all()) {
      for (Contract.Operation op : c.pathOperations()) {
        if (op.parameterNames("header").contains("Idempotency-Key")) {
          for (String s : List.of("409", "422")) {
            if (!op.responses().containsKey(s)) {
              missing.add(op + " " + s);
            }
          }
        } else if (!op.method().equals("get")) {
          missing.add(op + " takes no Idempotency-Key");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyOperationHasASummaryADescriptionAndTheHirfaHeaders() {
    List<String> missing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Contract c : Contract.all()) {
      for (Contract.Operation op : c.pathOperations()) {
        if (!ids.add(op.id())) {
          missing.add(op + ": operationId used twice");
        }
        for (String field : List.of("summary", "description")) {
          if (op.node().path(field).asText("").isBlank()) {
            missing.add(op + ": no " + field);
          }
        }
        for (String h : HIRFA_HEADERS) {
          if (!op.parameterNames("header").contains(h)) {
            missing.add(op + ": no " + h);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everySchemaHasAnExampleThatAnIndependentValidatorAccepts() {
    List<String> wrong = new ArrayList<>();
    for (Contract c : Contract.all()) {
      for (Iterator<Map.Entry<String, JsonNode>> it =
              c.root.path("components").path("schemas").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> s = it.next();
        JsonNode example = s.getValue().get("example");
        if (example == null) {
          wrong.add(c.name + " " + s.getKey() + ": no example");
          continue;
        }
        List<String> v = OpenApiSchemas.violations(c, "/components/schemas/" + s.getKey(), example);
        if (!v.isEmpty()) {
          wrong.add(c.name + " " + s.getKey() + ": " + v);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * The validator the other checks rely on bites: a wrong type, a missing member, a bad pattern.
   */
  @Test
  void theIndependentValidatorRefusesWhatTheContractForbids() throws Exception {
    Contract c = Contract.load("payments.yaml");
    String money = "/components/schemas/Money";

    assertThat(
            OpenApiSchemas.violations(
                c, money, Contract.YAML.readTree("{amount_minor: 1, currency: MAD}")))
        .isEmpty();
    assertThat(
            OpenApiSchemas.violations(
                c, money, Contract.YAML.readTree("{amount_minor: '1', currency: MAD}")))
        .isNotEmpty();
    assertThat(OpenApiSchemas.violations(c, money, Contract.YAML.readTree("{currency: MAD}")))
        .isNotEmpty();
    assertThat(
            OpenApiSchemas.violations(
                c, money, Contract.YAML.readTree("{amount_minor: 1, currency: mad}")))
        .isNotEmpty();
  }

  /**
   * A generated client rejects what a closed response schema does not name; a closed request schema
   * tells it what not to send. So: every object a response carries says {@code
   * additionalProperties: true} and lists its enum values as {@code x-extensible-enum}; every
   * request body says {@code additionalProperties: false}.
   */
  @Test
  void responseSchemasAreOpenAndRequestSchemasClosed() {
    List<String> wrong = new ArrayList<>();
    for (Contract c : Contract.all()) {
      // A component a response carries is open, also where a request reuses it (Money, Image).
      Set<String> inResponses = new HashSet<>();
      for (Contract.Operation op : c.pathOperations()) {
        for (Map.Entry<String, JsonNode> r : op.responses().entrySet()) {
          for (JsonNode media : r.getValue().path("content")) {
            walk(c, media.path("schema"), true, op + " " + r.getKey(), wrong, inResponses);
          }
        }
      }
      for (Contract.Operation op : c.pathOperations()) {
        JsonNode body = c.resolve(op.node().path("requestBody"));
        for (JsonNode media : body.path("content")) {
          walk(c, media.path("schema"), false, op + " request", wrong, new HashSet<>(inResponses));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static void walk(
      Contract c,
      JsonNode node,
      boolean response,
      String where,
      List<String> wrong,
      Set<String> seen) {
    if (node.isMissingNode() || (node.has("$ref") && !seen.add(node.get("$ref").asText()))) {
      return;
    }
    String name = node.has("$ref") ? Contract.refName(node) : where;
    JsonNode s = c.resolve(node);
    if (response && s.has("enum")) {
      wrong.add(name + ": a closed enum in a response (use x-extensible-enum)");
    }
    boolean object = s.path("type").asText().equals("object") || s.has("properties");
    JsonNode extra = s.get("additionalProperties");
    if (object && s.has("properties")) {
      if (response && (extra == null || extra.isBoolean() && !extra.asBoolean())) {
        wrong.add(name + ": a response object that does not say additionalProperties: true");
      }
      if (!response && (extra == null || !extra.isBoolean() || extra.asBoolean())) {
        wrong.add(name + ": a request object that does not say additionalProperties: false");
      }
    }
    for (JsonNode p : s.path("properties")) {
      walk(c, p, response, name, wrong, seen);
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (s.path(key).isObject()) {
        walk(c, s.get(key), response, name, wrong, seen);
      }
    }
    for (String key : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode part : s.path(key)) {
        walk(c, part, response, name, wrong, seen);
      }
    }
  }
}
