package ma.hirfa.sdk.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.examples.conformance.ResponseConformanceTest.Target;
import ma.hirfa.sdk.examples.conformance.SchemaInstances.Variant;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * One item the SDK does not understand never fails its neighbours: in every response that carries a
 * list of objects (a page's {@code data}, a batch's {@code results}, a taxonomy's categories), an
 * ordinary item, then an odd one (an unknown enum value or member, a bound, a null, a seeded random
 * mix), then another ordinary one, must decode, and the ordinary two must come out exactly as they
 * do alone.
 */
class NeighboursConformanceTest {
  private static final List<Variant> ODD =
      List.of(
          Variant.UNKNOWN_ENUMS, Variant.UNKNOWN_FIELDS, Variant.NULLS, Variant.MIN, Variant.MAX);
  private static final int RANDOM_ODD = 8;

  private final Json json = new Json();

  @TestFactory
  Stream<DynamicNode> anOddItemInAListNeverFailsTheItemsAroundIt() {
    List<DynamicNode> out = new ArrayList<>();
    for (Target t : ResponseConformanceTest.targets()) {
      if (t.model().isEmpty()) {
        continue;
      }
      JsonNode s = t.contract().resolve(t.schema());
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode list = t.contract().resolve(p.getValue());
        if (!list.path("type").asText().equals("array")) {
          continue;
        }
        JsonNode item = t.contract().resolve(list.get("items"));
        if (!item.path("type").asText().equals("object") && !item.has("properties")) {
          continue;
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (Variant v : ODD) {
          tests.add(test(t, p.getKey(), list.get("items"), v, ResponseConformanceTest.SEED));
        }
        for (int i = 0; i < RANDOM_ODD; i++) {
          tests.add(
              test(
                  t,
                  p.getKey(),
                  list.get("items"),
                  Variant.RANDOM,
                  ResponseConformanceTest.SEED + i));
        }
        out.add(DynamicContainer.dynamicContainer(t.label() + " ." + p.getKey(), tests));
      }
    }
    return out.stream();
  }

  private DynamicTest test(Target t, String member, JsonNode itemSchema, Variant odd, long seed) {
    String name =
        (odd == Variant.RANDOM ? "RANDOM seed " + seed : odd.name())
            + " between two ordinary items";
    return DynamicTest.dynamicTest(
        name,
        () -> {
          Type model = t.model().orElseThrow();
          ObjectNode page =
              (ObjectNode) SchemaInstances.of(t.contract(), t.schema(), Variant.ALL, seed);
          JsonNode first = SchemaInstances.of(t.contract(), itemSchema, Variant.ALL, seed);
          JsonNode strange = SchemaInstances.of(t.contract(), itemSchema, odd, seed);
          JsonNode last = SchemaInstances.of(t.contract(), itemSchema, Variant.REQUIRED, seed + 1);
          ArrayNode items = page.putArray(member);
          items.add(first).add(strange).add(last);

          List<?> alone =
              List.of(single(model, page, member, first), single(model, page, member, last));
          Object decoded;
          try {
            decoded = SdkModels.decode(json, model, page.toString());
          } catch (Exception e) {
            throw new AssertionFailedError(
                String.format(
                    "%s: one %s item in .%s failed the whole response, and its two neighbours with it: %s%n%s",
                    t.label(), name, member, e, SchemaInstances.shown(strange)),
                e);
          }
          List<?> got = list(decoded, member);
          assertThat(got).as("%s .%s: the items around an odd one", t.label(), member).isNotEmpty();
          assertThat(got.get(0))
              .as("%s .%s: the first ordinary item", t.label(), member)
              .isEqualTo(alone.get(0));
          assertThat(got.get(got.size() - 1))
              .as("%s .%s: the last ordinary item", t.label(), member)
              .isEqualTo(alone.get(1));
        });
  }

  /** An ordinary item decoded alone, in the same response otherwise. */
  private Object single(Type model, ObjectNode page, String member, JsonNode item) {
    ObjectNode copy = page.deepCopy();
    copy.putArray(member).add(item);
    try {
      List<?> l = list(SdkModels.decode(json, model, copy.toString()), member);
      assertThat(l).hasSize(1);
      return l.get(0);
    } catch (Exception e) {
      throw new AssertionFailedError(
          "an ordinary item fails alone, so its neighbours cannot be judged: "
              + e
              + "\n"
              + SchemaInstances.shown(item),
          e);
    }
  }

  /** The list a decoded record holds for a JSON member ({@code data} → {@code data()}). */
  static List<?> list(Object record, String member) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (snake(c.getName()).equals(member)) {
        try {
          return (List<?>) c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionFailedError(
        record.getClass().getSimpleName() + " has no component for ." + member);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
