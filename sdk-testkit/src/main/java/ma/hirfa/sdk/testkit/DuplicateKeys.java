package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import ma.hirfa.sdk.testkit.server.Exchange;

/**
 * Seeded copies of a JSON document with one key written twice in one of its objects, at any depth,
 * the second value differing from the first: the shape a reader that keeps the first value and a
 * reader that keeps the last would understand as two different documents.
 *
 * <pre>{@code
 * DuplicateKeys.Result r = DuplicateKeys.inject(genuineEventBody, new SplittableRandom(7));
 * // a signed body like r.json() must be refused, naming r.key() at r.path()
 * }</pre>
 */
public final class DuplicateKeys {
  private DuplicateKeys() {}

  /**
   * A document with {@code key} repeated in the object at {@code path}'s parent; {@code path} is
   * written as Moshi's {@code JsonReader.getPath()} does ({@code $.data.object.status}).
   */
  public record Result(byte[] json, String key, String path) {}

  /**
   * Repeats one key of one object of {@code json}, before or after the original, with another value
   * (a scalar, a different string, another member's value or an object).
   *
   * @throws IllegalArgumentException if {@code json} is not JSON or has no object with a member
   */
  public static Result inject(byte[] json, SplittableRandom random) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(random, "random == null");
    JsonNode root;
    try {
      root = Exchange.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    List<String> paths = new ArrayList<>();
    List<JsonNode> objects = new ArrayList<>();
    collect(root, "$", paths, objects);
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("the document has no object with a member");
    }
    int target = random.nextInt(objects.size());
    JsonNode object = objects.get(target);
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    String key = names.get(random.nextInt(names.size()));
    JsonNode other = otherValue(object, key, random);
    boolean before = random.nextBoolean();
    StringBuilder out = new StringBuilder();
    write(root, object, key, other, before, out);
    return new Result(
        out.toString().getBytes(StandardCharsets.UTF_8), key, paths.get(target) + "." + key);
  }

  private static void collect(JsonNode node, String path, List<String> paths, List<JsonNode> out) {
    if (node.isObject()) {
      if (node.size() > 0) {
        paths.add(path);
        out.add(node);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), path + "." + e.getKey(), paths, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", paths, out);
      }
    }
  }

  private static JsonNode otherValue(JsonNode object, String key, SplittableRandom random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode original = object.get(key);
    for (int attempt = 0; attempt < 8; attempt++) {
      JsonNode candidate =
          switch (random.nextInt(5)) {
            case 0 -> f.textNode("failed");
            case 1 -> f.numberNode(random.nextInt(1_000_000));
            case 2 -> f.nullNode();
            case 3 -> f.objectNode().put("id", "x_" + random.nextInt(1_000));
            default -> {
              List<JsonNode> values = new ArrayList<>();
              object.elements().forEachRemaining(values::add);
              yield values.get(random.nextInt(values.size()));
            }
          };
      if (!candidate.equals(original)) {
        return candidate;
      }
    }
    return f.textNode(original.asText() + "-other");
  }

  private static void write(
      JsonNode node,
      JsonNode target,
      String key,
      JsonNode other,
      boolean before,
      StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean twice = node == target && e.getKey().equals(key);
        if (twice && before) {
          first = member(key, other, first, out);
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(quote(e.getKey())).append(':');
        write(e.getValue(), target, key, other, before, out);
        if (twice && !before) {
          first = member(key, other, first, out);
        }
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), target, key, other, before, out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static boolean member(String key, JsonNode value, boolean first, StringBuilder out) {
    if (!first) {
      out.append(',');
    }
    out.append(quote(key)).append(':').append(value.toString());
    return false;
  }

  private static String quote(String s) {
    try {
      return Exchange.JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
