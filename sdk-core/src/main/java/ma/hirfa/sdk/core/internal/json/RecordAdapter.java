package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import ma.hirfa.sdk.core.PatchValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one record type as a JSON object, with what {@link RecordAdapterFactory} worked
 * out once for it: each component's wire name, adapter, accessor and kind, the canonical
 * constructor, and the value a missing component takes.
 */
final class RecordAdapter<T> extends JsonAdapter<T> {
  /** A component that must be present: a missing one is a decoding error naming its path. */
  static final byte REQUIRED = 0;

  /** A {@code @Nullable} component: null when missing. */
  static final byte OPTIONAL = 1;

  /** A collection or map: empty when missing. */
  static final byte COLLECTION = 2;

  /** A {@link PatchValue}: absent when missing, cleared by a JSON null. */
  static final byte PATCH = 3;

  private final String typeName;
  private final String[] names;
  private final JsonReader.Options options;
  private final JsonAdapter<?>[] adapters;
  private final Method[] accessors;
  private final Constructor<?> constructor;
  private final byte[] kinds;
  private final @Nullable Object[] defaults;

  RecordAdapter(
      String typeName,
      String[] names,
      JsonAdapter<?>[] adapters,
      Method[] accessors,
      Constructor<?> constructor,
      byte[] kinds,
      @Nullable Object[] defaults) {
    this.typeName = typeName;
    this.names = names;
    this.options = JsonReader.Options.of(names);
    this.adapters = adapters;
    this.accessors = accessors;
    this.constructor = constructor;
    this.kinds = kinds;
    this.defaults = defaults;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T fromJson(JsonReader reader) throws IOException {
    int n = names.length;
    @Nullable Object[] args = new Object[n];
    reader.beginObject();
    while (reader.hasNext()) {
      int i = reader.selectName(options);
      if (i < 0) {
        // Forward compatibility: a field added to the API after this release is ignored.
        reader.skipName();
        reader.skipValue();
        continue;
      }
      Object value = adapters[i].fromJson(reader);
      if (kinds[i] == PATCH) {
        args[i] = value == null ? PatchValue.clear() : PatchValue.of(value);
      } else {
        args[i] = value;
      }
    }
    reader.endObject();
    for (int i = 0; i < n; i++) {
      if (args[i] == null) {
        if (kinds[i] == REQUIRED) {
          throw new JsonDataException(
              "Required value '"
                  + names[i]
                  + "' missing at "
                  + reader.getPath()
                  + " ("
                  + typeName
                  + ")");
        }
        args[i] = defaults[i];
      }
    }
    try {
      return (T) constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      // The record's own checks refused a value: a decoding error at this path.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw new JsonDataException(
            "Invalid " + typeName + " at " + reader.getPath() + ": " + r.getMessage(), r);
      }
      throw new IllegalStateException(cause);
    } catch (IllegalArgumentException e) {
      // A value of the wrong type for its component.
      throw new JsonDataException(
          "Invalid " + typeName + " at " + reader.getPath() + ": " + e.getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    for (int i = 0; i < names.length; i++) {
      Object component;
      try {
        component = accessors[i].invoke(value);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (kinds[i] == PATCH) {
        PatchValue<?> patch = (PatchValue<?>) component;
        if (patch == null || patch.isAbsent()) {
          continue;
        }
        writer.name(names[i]);
        if (patch.isClear()) {
          boolean serializeNulls = writer.getSerializeNulls();
          writer.setSerializeNulls(true);
          writer.nullValue();
          writer.setSerializeNulls(serializeNulls);
        } else {
          ((JsonAdapter<Object>) adapters[i]).toJson(writer, patch.value());
        }
        continue;
      }
      if (component == null) {
        continue;
      }
      writer.name(names[i]);
      ((JsonAdapter<Object>) adapters[i]).toJson(writer, component);
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(" + typeName + ")";
  }
}
