package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes every JSON object that comes from a {@link Map} with text keys with its members in the
 * order of their names (a {@link SortedMap} keeps its own order). {@code Map.of} and {@code
 * Map.copyOf} iterate in an order that changes from one JVM run to the next, so without this the
 * same request (the same metadata, the same status change) would be other bytes after a restart,
 * and a write repeated with its idempotency key by a process that crashed could meet a server that
 * compares bodies byte for byte as another request. Reading is Moshi's own.
 */
final class SortedMapAdapterFactory implements JsonAdapter.Factory {
  @Override
  public @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (Types.getRawType(type) != Map.class) {
      return null;
    }
    JsonAdapter<Object> next = moshi.nextAdapter(this, type, annotations);
    return new JsonAdapter<Object>() {
      @Override
      public @Nullable Object fromJson(JsonReader reader) throws IOException {
        return next.fromJson(reader);
      }

      @Override
      public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
        next.toJson(writer, sorted(value));
      }

      @Override
      public String toString() {
        return next + " (members sorted by name)";
      }
    };
  }

  /** The map with its entries in the order of their names, when every name is a string. */
  static @Nullable Object sorted(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> map) || map.size() < 2 || value instanceof SortedMap) {
      return value;
    }
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String name)) {
        return value; // Moshi's adapter reports the name that is not a string
      }
      sorted.put(name, e.getValue());
    }
    return sorted;
  }
}
