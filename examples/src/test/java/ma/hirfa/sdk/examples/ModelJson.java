package ma.hirfa.sdk.examples;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.WireEnum;
import org.jspecify.annotations.Nullable;

/**
 * JSON documents for the SDK's response models, built from the records themselves by reflection (so
 * a component added tomorrow is covered without touching the tests), and the reading back of their
 * raw enum values. Every component is present; a raw enum component {@code xAsString} gets the
 * value {@code enumValue} chooses for it, under the JSON name {@code x}.
 */
final class ModelJson {
  static final String SUFFIX = "AsString";

  private ModelJson() {}

  /** One raw enum component of a decoded model: where it is, what it holds, what it derives. */
  record RawEnum(String path, String raw, Object derived) {}

  /**
   * A JSON value for {@code type}: a map for a record, a list, a string, a number or a boolean.
   *
   * @param enumValue the raw value to put in a raw enum component, given its derived accessor
   */
  static Object sample(Type type, Function<Method, String> enumValue) {
    return sample(type, enumValue, (record, component) -> false);
  }

  /**
   * Like {@link #sample(Type, Function)}, leaving out every component {@code omit} names, wherever
   * its record occurs.
   */
  static Object sample(
      Type type, Function<Method, String> enumValue, BiPredicate<Class<?>, RecordComponent> omit) {
    Class<?> raw = rawType(type);
    if (raw == String.class) {
      return "text";
    }
    if (raw == Money.class) {
      return Map.of("amount_minor", 1500, "currency", "MAD");
    }
    if (raw == LocalizedText.class) {
      return Map.of("fr", "Tapis", "ar", "زربية");
    }
    if (raw == Instant.class) {
      return "2026-11-29T10:00:00Z";
    }
    if (raw == LocalDate.class) {
      return "2026-11-29";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return 3;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.5;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return List.of(sample(argument(type, 0), enumValue, omit));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return Map.of("key", "value");
    }
    if (raw == Page.class) { // generic: its List<T> is built from the type argument here
      Map<String, Object> page = new LinkedHashMap<>();
      for (RecordComponent c : Page.class.getRecordComponents()) {
        if (!omit.test(Page.class, c)) {
          page.put(
              snakeCase(c.getName()),
              switch (c.getName()) {
                case "data" -> List.of(sample(argument(type, 0), enumValue, omit));
                case "nextCursor" -> "cur_1";
                default -> true;
              });
        }
      }
      return page;
    }
    if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
      throw new AssertionError(
          raw.getName() + " is held as an enum: a response model keeps it as a raw xAsString");
    }
    if (!raw.isRecord()) {
      throw new AssertionError("no sample for " + type.getTypeName());
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (RecordComponent c : raw.getRecordComponents()) {
      Method derived = derivedAccessor(raw, c);
      if (omit.test(raw, c)) {
        continue;
      }
      if (derived != null) {
        object.put(snakeCase(derived.getName()), enumValue.apply(derived));
      } else {
        object.put(
            snakeCase(c.getName()), sample(resolve(type, c.getGenericType()), enumValue, omit));
      }
    }
    return object;
  }

  /**
   * Every raw enum component in {@code model}, nested records and lists included, with the value
   * its derived accessor returns.
   */
  static List<RawEnum> rawEnums(Object model) {
    List<RawEnum> out = new ArrayList<>();
    collect(model, model.getClass().getSimpleName(), out);
    return out;
  }

  private static void collect(@Nullable Object value, String path, List<RawEnum> out) {
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collect(item, path + "[" + i++ + "]", out);
      }
      return;
    }
    if (value == null || !value.getClass().isRecord()) {
      return;
    }
    Class<?> type = value.getClass();
    for (RecordComponent c : type.getRecordComponents()) {
      Object component = invoke(c.getAccessor(), value);
      Method derived = derivedAccessor(type, c);
      if (derived != null) {
        out.add(
            new RawEnum(
                path + "." + derived.getName(), (String) component, invoke(derived, value)));
      } else {
        collect(component, path + "." + c.getName(), out);
      }
    }
  }

  /** {@code x()} for a component {@code xAsString}, returning a {@link WireEnum}; else null. */
  static @Nullable Method derivedAccessor(Class<?> record, RecordComponent c) {
    String name = c.getName();
    if (c.getType() != String.class || !name.endsWith(SUFFIX) || name.equals(SUFFIX)) {
      return null;
    }
    try {
      Method m = record.getMethod(name.substring(0, name.length() - SUFFIX.length()));
      if (!m.getReturnType().isEnum() || !WireEnum.class.isAssignableFrom(m.getReturnType())) {
        throw new AssertionError(record.getName() + "." + m.getName() + " must return a WireEnum");
      }
      return m;
    } catch (NoSuchMethodException e) {
      throw new AssertionError(record.getName() + "." + name + " has no derived accessor", e);
    }
  }

  /** The wire values of the enum {@code derived} returns, UNKNOWN left out. */
  static List<String> knownWireValues(Method derived) {
    List<String> out = new ArrayList<>();
    for (Object constant : derived.getReturnType().getEnumConstants()) {
      if (!((Enum<?>) constant).name().equals("UNKNOWN")) {
        out.add(((WireEnum) constant).wireValue());
      }
    }
    return out;
  }

  static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(m + " failed", e);
    }
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new AssertionError("unexpected type " + type);
  }

  private static Type argument(Type type, int i) {
    return ((ParameterizedType) type).getActualTypeArguments()[i];
  }

  /** {@code T} of a generic record, as the requested type gives it. */
  private static Type resolve(Type owner, Type component) {
    if (component instanceof TypeVariable<?> v && owner instanceof ParameterizedType p) {
      TypeVariable<?>[] params = rawType(owner).getTypeParameters();
      for (int i = 0; i < params.length; i++) {
        if (params[i].getName().equals(v.getName())) {
          return p.getActualTypeArguments()[i];
        }
      }
    }
    return component;
  }

  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
