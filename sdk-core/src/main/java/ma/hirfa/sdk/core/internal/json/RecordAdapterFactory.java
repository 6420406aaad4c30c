package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
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
    Method[] accessors = new Method[n];
    Class<?>[] parameterTypes = new Class<?>[n];
    byte[] kinds = new byte[n];
    // From the class file: reflection's annotations are proxies, costly on a JVM's first call.
    boolean @Nullable [] nullable = NullableComponents.of(raw);
    try {
      for (int i = 0; i < n; i++) {
        RecordComponent c = components[i];
        names[i] = wireName(c);
        Type componentType = resolve(type, raw, c.getGenericType());
        parameterTypes[i] = c.getType();
        if (c.getType() == PatchValue.class) {
          kinds[i] = RecordAdapter.PATCH;
          Type inner =
              componentType instanceof ParameterizedType p
                  ? p.getActualTypeArguments()[0]
                  : Object.class;
          adapters[i] = moshi.adapter(inner).nullSafe();
        } else {
          kinds[i] = kindOf(c, nullable == null ? null : nullable[i]);
          adapters[i] = moshi.adapter(componentType).nullSafe();
        }
        accessors[i] = accessible(c.getAccessor());
      }
      requireDistinct(raw, names);
      Constructor<?> constructor = accessible(raw.getDeclaredConstructor(parameterTypes));
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

  /**
   * Core reflection, not method handles: on a fresh JVM, {@code MethodHandles} spin about a hundred
   * classes (lambda forms) for the first records decoded, a measurable part of the first call's
   * time; reflective calls start at once and are compiled to direct calls once hot. Access checks
   * are done once, here: a public record needs none, others (a partner's test record) need opening.
   */
  private static <M extends AccessibleObject> M accessible(M member) throws IllegalAccessException {
    if (!member.trySetAccessible()) {
      throw new IllegalAccessException(member + " is not accessible");
    }
    return member;
  }

  /** The suffix of a component that keeps an enum's raw value under the enum's own JSON name. */
  static final String AS_STRING = "AsString";

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

  /** {@code nullable}: whether the class file says {@code @Nullable}; null to ask reflection. */
  private static byte kindOf(RecordComponent c, @Nullable Boolean nullable) {
    Class<?> t = c.getType();
    if (t.isPrimitive()) {
      return RecordAdapter.REQUIRED; // a missing or null number must fail, never become 0
    }
    if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
      return RecordAdapter.COLLECTION;
    }
    if (nullable != null) {
      return nullable ? RecordAdapter.OPTIONAL : RecordAdapter.REQUIRED;
    }
    for (Annotation a : c.getAnnotatedType().getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return RecordAdapter.OPTIONAL;
      }
    }
    return RecordAdapter.REQUIRED;
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
}
