package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's JSON codec: Moshi with the record, value-type and enum adapters. One instance per
 * client runtime (Moshi caches adapters per instance), safe for concurrent use.
 */
public final class Json {
  private final Moshi moshi;

  public Json() {
    this.moshi =
        new Moshi.Builder()
            .add(new SortedMapAdapterFactory())
            .add(new CoreAdapters())
            .add(new RecordAdapterFactory())
            .build();
  }

  /**
   * Moshi's own cache is a map behind a lock taken on every lookup; this one is read without a
   * lock, which matters when many threads decode at once.
   */
  private final ConcurrentHashMap<Type, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  @SuppressWarnings({"TypeParameterUnusedInFormals", "unchecked"}) // Moshi's own signature.
  public <T> JsonAdapter<T> adapter(Type type) {
    JsonAdapter<?> cached = adapters.get(type);
    if (cached == null) {
      cached = moshi.adapter(type);
      adapters.putIfAbsent(type, cached);
    }
    return (JsonAdapter<T>) cached;
  }

  /** Encodes a value (usually a params record) as UTF-8 JSON. */
  public byte[] encode(Object value) {
    Buffer buffer = new Buffer();
    try {
      // Collections are written through Moshi's Object adapter, which picks each element's adapter.
      Type type =
          value instanceof Map || value instanceof Collection ? Object.class : value.getClass();
      adapter(type).toJson(buffer, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a memory buffer failed", e);
    }
    return buffer.readByteArray();
  }

  /**
   * Decodes one JSON document of {@code type}. Throws {@link JsonDataException} for a value of the
   * wrong shape and {@link IOException} (including {@link JsonEncodingException}) for malformed or
   * truncated input; callers turn both into the SDK's typed exceptions.
   */
  public <T> @Nullable T decode(BufferedSource source, TypeRef<T> type) throws IOException {
    JsonReader reader = JsonReader.of(source);
    T value = this.<T>adapter(type.type()).fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("unexpected content after the JSON document");
    }
    return value;
  }

  /** Decodes a complete document held in memory. */
  public <T> @Nullable T decode(byte[] bytes, TypeRef<T> type) throws IOException {
    return decode(new Buffer().write(bytes), type);
  }
}
