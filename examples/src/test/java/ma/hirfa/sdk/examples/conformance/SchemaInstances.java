package ma.hirfa.sdk.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Instances of a contract schema, built from the schema alone: what a server that keeps the
 * contract, and no more, may send. Each {@link Variant} stresses one freedom the schema gives;
 * {@code RANDOM} mixes them under a seed, so any failure can be replayed.
 */
final class SchemaInstances {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A language tag or key the SDK has never seen: a map must keep it or skip it, never fail. */
  static final List<String> ODD_KEYS = List.of("x-new-lang", "en_US", "not a tag", "");

  static final String UNKNOWN_ENUM = "zz_value_added_later";

  enum Variant {
    /** The schema's own examples, completed from the structure where a part has none. */
    EXAMPLE,
    /** Required members only, each at an ordinary value. */
    REQUIRED,
    /** Every member. */
    ALL,
    /** Every member; every nullable one null. */
    NULLS,
    /** Every member, plus members the contract does not name in every open object. */
    UNKNOWN_FIELDS,
    /** Every member; every open enum at a value the contract does not list (yet). */
    UNKNOWN_ENUMS,
    /** Required members only, each at its lower bound: shortest strings, minimum numbers. */
    MIN,
    /** Every member at its upper bound: longest strings, maximum numbers, odd map keys. */
    MAX,
    /** Seeded random choices among all of the above, member by member. */
    RANDOM
  }

  private final Contract contract;
  private final Variant variant;
  private final SplittableRandom random;
  private int choices;

  private SchemaInstances(Contract contract, Variant variant, long seed) {
    this.contract = contract;
    this.variant = variant;
    this.random = new SplittableRandom(seed);
    this.choices = (int) (seed & 0xFF);
  }

  /** An instance for a failure message: pretty-printed, cut after 3,000 characters. */
  static String shown(JsonNode instance) {
    String s = instance.toPrettyString();
    return s.length() <= 3000 ? s : s.substring(0, 3000) + "\n... (" + s.length() + " characters)";
  }

  /** One instance of {@code schema} in {@code variant}; {@code seed} drives every choice. */
  static JsonNode of(Contract contract, JsonNode schema, Variant variant, long seed) {
    return new SchemaInstances(contract, variant, seed).generate(schema, 0);
  }

  private JsonNode generate(JsonNode schemaNode, int depth) {
    JsonNode s = merged(contract.resolve(schemaNode));
    if (depth > 16) {
      throw new IllegalStateException("schema nested deeper than 16: " + schemaNode);
    }
    if (variant == Variant.EXAMPLE && s.has("example")) {
      return s.get("example");
    }
    JsonNode alternatives = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
    if (alternatives != null) {
      return generate(alternatives.get(choose(alternatives.size())), depth + 1);
    }
    if (s.path("nullable").asBoolean(false)
        && (variant == Variant.NULLS || (variant == Variant.RANDOM && random.nextInt(4) == 0))) {
      return F.nullNode();
    }
    String type =
        s.path("type").asText(s.has("properties") || s.has("additionalProperties") ? "object" : "");
    switch (type) {
      case "object":
        return object(s, depth);
      case "array":
        return array(s, depth);
      case "string":
        return F.textNode(Strings.of(s, variant, random, choose(Integer.MAX_VALUE)));
      case "integer":
        return integer(s);
      case "number":
        return number(s);
      case "boolean":
        return F.booleanNode(
            variant == Variant.RANDOM ? random.nextBoolean() : variant != Variant.MIN);
      default:
        throw new IllegalStateException(contract.name + ": a schema without a type: " + s);
    }
  }

  /** The parts of an {@code allOf} merged into one schema (members, required, the rest). */
  private JsonNode merged(JsonNode s) {
    if (!s.has("allOf")) {
      return s;
    }
    ObjectNode m = ((ObjectNode) s).deepCopy();
    m.remove("allOf");
    for (JsonNode part : s.get("allOf")) {
      JsonNode p = merged(contract.resolve(part));
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("properties") && m.has("properties")) {
          ((ObjectNode) m.get("properties")).setAll((ObjectNode) e.getValue());
        } else if (e.getKey().equals("required") && m.has("required")) {
          ((ArrayNode) m.get("required")).addAll((ArrayNode) e.getValue());
        } else if (!m.has(e.getKey()) || e.getKey().equals("type")) {
          m.set(e.getKey(), e.getValue());
        }
      }
    }
    return m;
  }

  private int choose(int n) {
    return switch (variant) {
      case MIN -> 0;
      case MAX -> n == Integer.MAX_VALUE ? 1 : n - 1;
      case RANDOM -> random.nextInt(n == Integer.MAX_VALUE ? 1 << 20 : n);
      default -> Math.floorMod(choices++, n);
    };
  }

  private JsonNode object(JsonNode s, int depth) {
    ObjectNode o = F.objectNode();
    List<String> required = new ArrayList<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    boolean onlyRequired = variant == Variant.REQUIRED || variant == Variant.MIN;
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      boolean wanted =
          required.contains(p.getKey())
              || (!onlyRequired && (variant != Variant.RANDOM || random.nextBoolean()));
      if (wanted) {
        o.set(p.getKey(), generate(p.getValue(), depth + 1));
      }
    }
    JsonNode extra = s.get("additionalProperties");
    if (extra != null && extra.isObject()) {
      for (String key : mapKeys(s.path("minProperties").asInt(0))) {
        o.set(key, generate(extra, depth + 1));
      }
    } else if (extra != null && extra.asBoolean(false) && unknownFields()) {
      o.put("zz_field_added_later", "a member this release does not know");
      o.set(
          "zz_object_added_later",
          F.objectNode().put("n", 1.5).set("list", F.arrayNode().add(1).add("two").addNull()));
    }
    return o;
  }

  private boolean unknownFields() {
    return variant == Variant.UNKNOWN_FIELDS
        || variant == Variant.MAX
        || (variant == Variant.RANDOM && random.nextInt(3) == 0);
  }

  private List<String> mapKeys(int min) {
    List<String> keys = new ArrayList<>(List.of("fr", "ar", "zgh", "en", "es", "ary"));
    switch (variant) {
      case MIN, REQUIRED:
        return keys.subList(0, Math.max(min, 0));
      case MAX:
        keys.addAll(ODD_KEYS);
        return keys;
      case RANDOM:
        keys.addAll(ODD_KEYS);
        List<String> out = new ArrayList<>(keys.subList(0, Math.max(min, 0)));
        for (String k : keys) {
          if (!out.contains(k) && random.nextInt(3) == 0) {
            out.add(k);
          }
        }
        return out;
      default:
        return keys.subList(0, Math.max(min, 2));
    }
  }

  private JsonNode array(JsonNode s, int depth) {
    int min = s.path("minItems").asInt(0);
    int max = s.path("maxItems").asInt(Integer.MAX_VALUE);
    int n =
        switch (variant) {
          case MIN, REQUIRED -> min;
          case MAX -> max == Integer.MAX_VALUE ? Math.max(min, 4) : Math.min(max, 50);
          case RANDOM -> min + random.nextInt(Math.max(Math.min(max, 5) - min, 0) + 1);
          default -> Math.max(min, Math.min(2, max));
        };
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(generate(s.get("items"), depth + 1));
    }
    return a;
  }

  private JsonNode integer(JsonNode s) {
    String format = s.path("format").asText("");
    BigInteger lo;
    BigInteger hi;
    if (format.equals("int32")) {
      lo = BigInteger.valueOf(Integer.MIN_VALUE);
      hi = BigInteger.valueOf(Integer.MAX_VALUE);
    } else if (format.equals("int64")) {
      lo = BigInteger.valueOf(Long.MIN_VALUE);
      hi = BigInteger.valueOf(Long.MAX_VALUE);
    } else {
      throw new IllegalStateException(
          contract.name + ": an integer without format int32 or int64: " + s);
    }
    if (s.has("minimum")) {
      lo = lo.max(s.get("minimum").bigIntegerValue());
    }
    if (s.has("maximum")) {
      hi = hi.min(s.get("maximum").bigIntegerValue());
    }
    BigInteger ordinary = BigInteger.valueOf(42).max(lo).min(hi);
    BigInteger v =
        switch (variant) {
          case MIN -> lo;
          case MAX -> hi;
          case RANDOM ->
              List.of(lo, hi, ordinary, BigInteger.ONE.max(lo).min(hi)).get(random.nextInt(4));
          default -> ordinary;
        };
    return F.numberNode(v);
  }

  private JsonNode number(JsonNode s) {
    double lo = s.has("minimum") ? s.get("minimum").asDouble() : -Double.MAX_VALUE;
    double hi = s.has("maximum") ? s.get("maximum").asDouble() : Double.MAX_VALUE;
    double ordinary = Math.min(Math.max(12.5, lo), hi);
    double v =
        switch (variant) {
          case MIN -> lo;
          case MAX -> hi;
          case RANDOM ->
              List.of(lo, hi, ordinary, Math.min(Math.max(0.1, lo), hi)).get(random.nextInt(4));
          default -> ordinary;
        };
    return F.numberNode(v);
  }
}
