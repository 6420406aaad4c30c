package ma.hirfa.sdk.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.core.PatchValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Java records as JSON objects whose names are the components' names in snake_case
 * ({@code amountMinor} ↔ {@code amount_minor}).
 *
 * <p>Why not Moshi's own record support: it keeps Java names unless each component carries Moshi's
 * {@code @Json}, which would put a Moshi type on every public model. This adapter derives the wire
 * name instead, and adds the rules our models need:
 *
 * <ul>
 *   <li>unknown names are skipped (forward compatibility);
 *   <li>a {@code String} component named {@code xAsString} is the JSON member {@code x}: that is
 *       how a response model keeps an enum's raw value, deriving the constant in its accessor
 *       {@code x()} (see {@link ma.hirfa.sdk.core.WireEnum}). The name is worked out here, once per
 *       record type, so decoding reads a plain string, with no lookup at all;
 *   <li>a missing component is a decoding error naming the JSON path unless it is {@code
 *       {@literal @}Nullable} (then null), a collection (then empty) or a {@link PatchValue} (then
 *       absent). A primitive is required: a missing number or boolean never becomes 0 or false;
 *   <li>{@link PatchValue} components are written as absent, {@code null} or a value (JSON merge
 *       patch).
 * </ul>
 */
final class RecordAdapterFactory implements JsonAdapter.Factory {

  @Override
  public @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isRecord() || raw.getName().startsWith("java.")) {
      return null;
    }
    RecordComponent[] components = raw.getRecordComponents();
    int n = components.length;
    String[] names = new String[n];
    JsonAdapter<?>[] adapters = new JsonAdapter<?>[n];
    MethodHandle[] accessors = new MethodHandle[n];
    Class<?>[] parameterTypes = new Class<?>[n];
    byte[] kinds = new byte[n];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < n; i++) {
        RecordComponent c = components[i];
        names[i] = wireName(c);
        Type componentType = resolve(type, raw, c.getGenericType());
        parameterTypes[i] = c.getType();
        if (c.getType() == PatchValue.class) {
          kinds[i] = PATCH;
          Type inner =
              componentType instanceof ParameterizedType p
                  ? p.getActualTypeArguments()[0]
                  : Object.class;
          adapters[i] = moshi.adapter(inner).nullSafe();
        } else {
          kinds[i] = kindOf(c);
          adapters[i] = moshi.adapter(componentType).nullSafe();
        }
        accessors[i] = unreflect(lookup, c.getAccessor());
      }
      requireDistinct(raw, names);
      MethodHandle constructor =
          unreflectConstructor(lookup, raw.getDeclaredConstructor(parameterTypes))
              .asSpreader(Object[].class, n);
      return new RecordAdapter<>(
          raw.getSimpleName(),
          names,
          adapters,
          accessors,
          constructor,
          kinds,
          defaults(parameterTypes));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "record " + raw.getName() + " must be public with a public canonical constructor", e);
    }
  }

  /** Public records need no access checks; others (a partner's test record) need opening. */
  private static MethodHandle unreflect(MethodHandles.Lookup lookup, Method m)
      throws IllegalAccessException {
    try {
      return lookup.unreflect(m);
    } catch (IllegalAccessException e) {
      if (!m.trySetAccessible()) {
        throw e;
      }
      return MethodHandles.lookup().unreflect(m);
    }
  }

  private static MethodHandle unreflectConstructor(MethodHandles.Lookup lookup, Constructor<?> c)
      throws IllegalAccessException {
    try {
      return lookup.unreflectConstructor(c);
    } catch (IllegalAccessException e) {
      if (!c.trySetAccessible()) {
        throw e;
      }
      return MethodHandles.lookup().unreflectConstructor(c);
    }
  }

  /** The suffix of a component that keeps an enum's raw value under the enum's own JSON name. */
  static final String AS_STRING = "AsString";

  static final byte REQUIRED = 0;
  static final byte OPTIONAL = 1;
  static final byte COLLECTION = 2;
  static final byte PATCH = 3;

  /** {@code xAsString} (a String) is the member {@code x}; any other name in snake_case. */
  static String wireName(RecordComponent c) {
    String name = c.getName();
    if (c.getType() == String.class
        && name.endsWith(AS_STRING)
        && name.length() > AS_STRING.length()) {
      return snakeCase(name.substring(0, name.length() - AS_STRING.length()));
    }
    return snakeCase(name);
  }

  private static void requireDistinct(Class<?> raw, String[] names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "record " + raw.getName() + " has two components named '" + name + "' in JSON");
      }
    }
  }

  private static byte kindOf(RecordComponent c) {
    Class<?> t = c.getType();
    if (t.isPrimitive()) {
      return REQUIRED; // a missing or null number must fail, never become 0
    }
    if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
      return COLLECTION;
    }
    for (Annotation a : c.getAnnotatedType().getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return OPTIONAL;
      }
    }
    return REQUIRED;
  }

  private static @Nullable Object[] defaults(Class<?>[] types) {
    @Nullable Object[] d = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == PatchValue.class) {
        d[i] = PatchValue.absent();
      } else if (t == List.class || t == Collection.class) {
        d[i] = List.of();
      } else if (t == Set.class) {
        d[i] = Set.of();
      } else if (t == Map.class) {
        d[i] = Map.of();
      }
    }
    return d;
  }

  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Resolves type variables of a generic record ({@code Page<T>}) against the requested type. */
  private static Type resolve(Type owner, Class<?> raw, Type t) {
    if (t instanceof TypeVariable<?> v) {
      TypeVariable<?>[] params = raw.getTypeParameters();
      if (owner instanceof ParameterizedType p) {
        for (int i = 0; i < params.length; i++) {
          if (params[i].getName().equals(v.getName())) {
            return p.getActualTypeArguments()[i];
          }
        }
      }
      return Object.class;
    }
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments().clone();
      boolean changed = false;
      for (int i = 0; i < args.length; i++) {
        Type resolved = resolve(owner, raw, args[i]);
        changed |= resolved != args[i];
        args[i] = resolved;
      }
      if (!changed) {
        return p;
      }
      // Moshi insists on the owner of a member type (Page<T> nested in a service, say).
      return p.getOwnerType() != null
          ? Types.newParameterizedTypeWithOwner(p.getOwnerType(), p.getRawType(), args)
          : Types.newParameterizedType(p.getRawType(), args);
    }
    if (t instanceof WildcardType w) {
      return resolve(owner, raw, w.getUpperBounds()[0]);
    }
    if (t instanceof GenericArrayType g) {
      return Types.arrayOf(resolve(owner, raw, g.getGenericComponentType()));
    }
    return t;
  }

  private static final class RecordAdapter<T> extends JsonAdapter<T> {
    private final String typeName;
    private final String[] names;
    private final JsonReader.Options options;
    private final JsonAdapter<?>[] adapters;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;
    private final byte[] kinds;
    private final @Nullable Object[] defaults;

    RecordAdapter(
        String typeName,
        String[] names,
        JsonAdapter<?>[] adapters,
        MethodHandle[] accessors,
        MethodHandle constructor,
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
        return (T) constructor.invoke(args);
      } catch (RuntimeException e) {
        throw new JsonDataException(
            "Invalid " + typeName + " at " + reader.getPath() + ": " + e.getMessage(), e);
      } catch (Throwable e) {
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
        } catch (Throwable e) {
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
}
