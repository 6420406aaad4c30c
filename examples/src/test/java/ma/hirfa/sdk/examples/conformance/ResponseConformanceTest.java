package ma.hirfa.sdk.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.examples.conformance.SchemaInstances.Variant;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every response the contracts allow decodes through the SDK's models. For each response schema of
 * both documents (success bodies, NDJSON lines and problems), instances are built from the schema
 * alone ({@link SchemaInstances}: its examples, required members only, every member, nulls, unknown
 * members, unknown enum values, lower and upper bounds, and seeded random mixes) and decoded by the
 * clients' own decoding into the model of the operation ({@link SdkModels}). A failure names the
 * operation, the variant, the seed, the SDK's message and the instance.
 */
class ResponseConformanceTest {
  /** Seeded random instances per response schema, on top of the fixed variants. */
  static final int RANDOM_INSTANCES = 24;

  static final long SEED = 20261129L;

  private final Json json = new Json();

  /** A response schema to check, once per document and schema however many operations share it. */
  record Target(Contract contract, String label, JsonNode schema, Optional<Type> model) {}

  @Test
  void everyOperationOfTheContractsHasAModelOrIsNamedHere() {
    List<String> unknown = new ArrayList<>();
    for (Contract c : Contract.all()) {
      for (Contract.Operation op : c.pathOperations()) {
        boolean hasBody =
            op.responses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().has("content"));
        if (hasBody && !SdkModels.named(op.id())) {
          unknown.add(op.toString());
        }
      }
    }
    assertThat(unknown).as("operations whose success body no SDK model is named for").isEmpty();
  }

  @TestFactory
  Stream<DynamicNode> everyResponseTheContractsAllowDecodesThroughTheSdk() {
    return targets().stream().map(t -> DynamicContainer.dynamicContainer(t.label(), variants(t)));
  }

  static List<Target> targets() {
    Map<String, Target> out = new LinkedHashMap<>();
    for (Contract c : Contract.all()) {
      for (Contract.Operation op : c.pathOperations()) {
        for (Map.Entry<String, JsonNode> r : op.responses().entrySet()) {
          r.getValue()
              .path("content")
              .fields()
              .forEachRemaining(
                  media -> {
                    JsonNode schema = media.getValue().get("schema");
                    String status = r.getKey();
                    if (media.getKey().equals("application/problem+json")) {
                      String key = c.name + " Problem";
                      out.putIfAbsent(
                          key,
                          new Target(
                              c,
                              key + " (every error response)",
                              schema,
                              Optional.of(SdkModels.PROBLEM)));
                    } else if (media.getKey().equals("application/x-ndjson")) {
                      for (JsonNode line : lineAlternatives(c, schema)) {
                        String name = Contract.refName(line);
                        if (!SdkModels.OTHER_LINES.containsKey(name)) {
                          String key = c.name + " " + op.id() + " " + status + " line " + name;
                          out.putIfAbsent(
                              key, new Target(c, key, line, SdkModels.success(op.id())));
                        }
                      }
                    } else {
                      String key =
                          c.name + " " + op.id() + " " + status + " " + Contract.refName(schema);
                      out.putIfAbsent(key, new Target(c, key, schema, SdkModels.success(op.id())));
                    }
                  });
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The schema of each kind of line: the alternatives of a {@code oneOf}, else the schema. */
  static List<JsonNode> lineAlternatives(Contract c, JsonNode schema) {
    JsonNode s = c.resolve(schema);
    List<JsonNode> out = new ArrayList<>();
    if (s.has("oneOf")) {
      s.get("oneOf").forEach(out::add);
    } else {
      out.add(schema);
    }
    return out;
  }

  /** The fixed variants, then the seeded random ones; each a test that decodes one instance. */
  Stream<DynamicNode> variants(Target t) {
    List<DynamicNode> tests = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Variant v : Variant.values()) {
      if (v != Variant.RANDOM) {
        tests.add(decodes(t, v, SEED, seen));
      }
    }
    for (int i = 0; i < RANDOM_INSTANCES; i++) {
      tests.add(decodes(t, Variant.RANDOM, SEED + i, seen));
    }
    return tests.stream();
  }

  private DynamicTest decodes(Target t, Variant v, long seed, Set<String> seen) {
    String name = v == Variant.RANDOM ? "RANDOM seed " + seed : v.name();
    return DynamicTest.dynamicTest(
        name,
        () -> {
          JsonNode instance = SchemaInstances.of(t.contract(), t.schema(), v, seed);
          if (!seen.add(instance.toString())) {
            return; // the same instance as another variant: decoded there
          }
          assertDecodes(t, name, instance);
        });
  }

  void assertDecodes(Target t, String variant, JsonNode instance) {
    Type model =
        t.model()
            .orElseThrow(
                () ->
                    new AssertionFailedError(
                        t.label() + ": the SDK has no model for this response"));
    Object decoded;
    try {
      decoded = SdkModels.decode(json, model, instance.toString());
    } catch (Exception | LinkageError e) {
      throw new AssertionFailedError(
          String.format(
              "%s, %s: the SDK refused what the contract allows (%s): %s%n%s",
              t.label(), variant, model.getTypeName(), e, SchemaInstances.shown(instance)),
          e);
    }
    assertThat(decoded).as("%s, %s: decoded to null", t.label(), variant).isNotNull();
  }
}
