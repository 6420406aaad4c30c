package ma.hirfa.sdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.PatchValue;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Instances of any record built by reflection, with a chosen text in one text slot at a time (a
 * {@code String} component, a list or map of strings, a localized text, a patch of a string) and
 * valid sample values everywhere else: for a test that no model's {@code toString()} leaks what a
 * caller or a server put in any of its fields.
 *
 * <pre>{@code
 * for (Class<? extends Record> type : RecordSamples.publicRecordsInPackageOf(Payment.class)) {
 *   for (Record r : RecordSamples.withTextInEachSlot(type, "call 0612345678")) {
 *     assertThat(r.toString()).doesNotContain("0612345678");
 *   }
 * }
 * }</pre>
 *
 * Sample values are found by trial: for each string component, the first of a few candidates (plain
 * text, an {@code art_} id, an https URL, a currency, a language, a valid RIB, ...) that the
 * record's constructor accepts. A slot whose constructor refuses the text is left out: a value the
 * record cannot hold cannot leak from it.
 */
public final class RecordSamples {
  private static final List<String> CANDIDATES =
      List.of(
          "x1",
          "art_7QK2M9",
          "https://shop.example/a",
          "ORD-1",
          "MAD",
          "fr",
          "buyer@example.com",
          "kilim",
          "570210",
          "rib",
          "011519000001205000534921",
          "prd_1",
          "SKU-1",
          "pay_8Hx2Lq",
          "5555555555554444",
          "123",
          "0661234567",
          "MA",
          "001561191000066",
          "fxq_7QK2M9",
          "prd_7QK2M9",
          "ord_7QK2M9");

  private static final List<Integer> INTS = List.of(1, 12, 2030);

  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  private final Map<Class<?>, Record> baselines = new HashMap<>();

  private RecordSamples() {}

  /** Every public record declared in the package of {@code anchor}, nested ones included. */
  @SuppressWarnings("unchecked")
  public static List<Class<? extends Record>> publicRecordsInPackageOf(Class<?> anchor) {
    List<Class<? extends Record>> out = new ArrayList<>();
    for (Class<?> c : publicTypesInPackageOf(anchor)) {
      if (c.isRecord()) {
        out.add((Class<? extends Record>) c);
      }
    }
    return out;
  }

  /**
   * Every public type declared in the package of {@code anchor}, nested ones included, sorted by
   * name; read from the directory or the jar that holds {@code anchor} (a reactor build puts the
   * jar of a module on its neighbours' class path, an IDE its classes directory).
   */
  public static List<Class<?>> publicTypesInPackageOf(Class<?> anchor) {
    Path root;
    try {
      root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String pkg = anchor.getPackageName();
    List<Class<?>> out = new ArrayList<>();
    try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root)) {
      Path base = jar == null ? root : jar.getPath("/");
      try (Stream<Path> files = Files.list(base.resolve(pkg.replace('.', '/')))) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".class")
              || name.equals("module-info.class")
              || name.equals("package-info.class")) {
            continue;
          }
          String simple = name.substring(0, name.length() - ".class".length());
          Class<?> c = Class.forName(pkg + "." + simple, false, anchor.getClassLoader());
          if (isPublic(c)) {
            out.add(c);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    out.sort(Comparator.comparing(Class::getName));
    return out;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /**
   * One instance of {@code type} per text slot that accepts {@code text}, the text in that slot and
   * sample values in the others.
   *
   * @throws IllegalArgumentException if no valid sample of {@code type} can be built
   */
  public static List<Record> withTextInEachSlot(Class<? extends Record> type, String text) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(text, "text == null");
    RecordSamples samples = new RecordSamples();
    Record base = samples.baseline(type);
    RecordComponent[] components = type.getRecordComponents();
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      for (Object withText : textValues(components[i].getGenericType(), text)) {
        Object[] args = Reflection.values(base);
        args[i] = withText;
        try {
          out.add(Reflection.construct(type, args));
        } catch (RuntimeException refused) {
          // the record cannot hold this text in this slot
        }
      }
    }
    return out;
  }

  /** The values that put {@code text} into a slot of this type; none if it holds no text. */
  private static List<Object> textValues(Type t, String text) {
    Class<?> raw = Reflection.raw(t);
    if (raw == String.class || raw == Object.class) {
      return List.of(text);
    }
    if (raw == LocalizedText.class) {
      return List.of(LocalizedText.of("fr", text));
    }
    Type[] args = t instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    boolean ofText = args.length > 0 && Reflection.raw(args[args.length - 1]) == String.class;
    if (raw == List.class && ofText) {
      return List.of(List.of(text));
    }
    if (raw == Set.class && ofText) {
      return List.of(Set.of(text));
    }
    if (raw == Map.class && ofText) {
      return List.of(Map.of("note", text), Map.of(text, "v"));
    }
    if (raw == PatchValue.class && ofText) {
      return List.of(PatchValue.of(text));
    }
    return List.of();
  }

  private Record baseline(Class<?> type) {
    Record known = baselines.get(type);
    if (known != null) {
      return known;
    }
    RecordComponent[] components = type.getRecordComponents();
    int[] choice = new int[components.length];
    RuntimeException last = null;
    for (int attempt = 0; attempt < 2_000; attempt++) {
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = sample(components[i].getGenericType(), choice[i]);
      }
      try {
        Record r = Reflection.construct(type, args);
        baselines.put(type, r);
        return r;
      } catch (RuntimeException e) {
        last = e;
        if (!advance(components, choice, e)) {
          break;
        }
      }
    }
    throw new IllegalArgumentException("no valid sample of " + type.getName(), last);
  }

  /** How many sample values a component's type has to try. */
  private static int choices(RecordComponent c) {
    Type t = c.getGenericType();
    Class<?> raw = Reflection.raw(t);
    boolean ofText =
        t instanceof ParameterizedType p
            && Reflection.raw(p.getActualTypeArguments()[p.getActualTypeArguments().length - 1])
                == String.class;
    if (raw == String.class) {
      return CANDIDATES.size();
    }
    if (ofText) {
      return CANDIDATES.size() + 1; // the last: empty
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Map.class) {
      return 2; // one sample element, or none
    }
    if (raw == int.class || raw == Integer.class) {
      return INTS.size();
    }
    return 1;
  }

  /**
   * Moves the refused component (or, not knowing which, the next one that can) to another value.
   */
  private static boolean advance(RecordComponent[] components, int[] choice, RuntimeException e) {
    if (e instanceof ValidationException v) {
      String field = v.field();
      for (int i = 0; i < components.length; i++) {
        String snake = Reflection.snake(components[i].getName());
        boolean named =
            field.equals(snake)
                || field.endsWith("." + snake)
                || field.startsWith(snake + ".")
                || field.startsWith(snake + "[");
        if (named && choice[i] + 1 < choices(components[i])) {
          choice[i]++;
          return true;
        }
      }
    }
    for (int i = 0; i < components.length; i++) {
      if (choice[i] + 1 < choices(components[i])) {
        choice[i]++;
        for (int j = 0; j < i; j++) {
          choice[j] = 0;
        }
        return true;
      }
    }
    return false;
  }

  private @Nullable Object sample(Type t, int choice) {
    Class<?> raw = Reflection.raw(t);
    if (raw == String.class || raw == Object.class) {
      return CANDIDATES.get(choice);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return false;
    }
    if (raw == int.class || raw == Integer.class) {
      return INTS.get(choice);
    }
    if (raw == long.class || raw == Long.class) {
      return 1L;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.0;
    }
    if (raw == Money.class) {
      return Money.parse("10.00", "MAD");
    }
    if (raw == Instant.class) {
      return AT;
    }
    if (raw == LocalDate.class) {
      return LocalDate.of(2026, 11, 29);
    }
    if (raw == OptionalLong.class) {
      return OptionalLong.of(1);
    }
    if (raw == OptionalInt.class) {
      return OptionalInt.of(1);
    }
    if (raw == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (raw == URI.class) {
      return URI.create("https://shop.example/a");
    }
    if (raw == Currency.class) {
      return Currency.getInstance("MAD");
    }
    if (raw == LocalizedText.class) {
      return LocalizedText.of("fr", "Tapis");
    }
    if (raw.isEnum()) {
      for (Object c : raw.getEnumConstants()) {
        if (!((Enum<?>) c).name().equals("UNKNOWN")) {
          return c;
        }
      }
    }
    Type[] args = t instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == List.class || raw == Collection.class || raw == Set.class || raw == Map.class) {
      boolean ofText = Reflection.raw(args[args.length - 1]) == String.class;
      boolean empty = ofText ? choice >= CANDIDATES.size() : choice > 0;
      if (empty) {
        return raw == Map.class ? Map.of() : raw == Set.class ? Set.of() : List.of();
      }
      int element = ofText ? choice : 0;
      if (raw == Map.class) {
        return Map.of(
            Objects.requireNonNull(sample(args[0], 0)),
            Objects.requireNonNull(sample(args[1], element)));
      }
      Object one = Objects.requireNonNull(sample(args[0], element));
      return raw == Set.class ? Set.of(one) : List.of(one);
    }
    if (raw == PatchValue.class) {
      return PatchValue.absent();
    }
    if (raw.isRecord()) {
      return baseline(raw);
    }
    if (raw.isSealed()) {
      for (Class<?> sub : raw.getPermittedSubclasses()) {
        if (sub.isRecord()) {
          return baseline(sub);
        }
      }
    }
    return null;
  }
}
