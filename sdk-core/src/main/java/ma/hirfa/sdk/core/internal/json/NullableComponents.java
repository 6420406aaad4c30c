package ma.hirfa.sdk.core.internal.json;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Which components of a record are annotated {@code @Nullable} at their top level ({@code @Nullable
 * String}, not {@code List<@Nullable String>}), read from the record's class file: the type
 * annotations of its {@code Record} attribute, the bytes reflection itself reads.
 *
 * <p>Why not {@code RecordComponent.getAnnotatedType()}: reflection returns each annotation as a
 * dynamic proxy, and on a fresh JVM the first ones generate two proxy classes in two dynamic
 * modules, about 16 ms of CPU in a JVM's first call (benchmarks/README.md, cold start). Any
 * annotation whose simple name is {@code Nullable} counts, as {@link RecordAdapterFactory} always
 * counted it. When the class file cannot be found or read as expected, the answer is null and the
 * caller asks reflection: this is an optimisation, never a second opinion ({@code
 * NullableComponentsTest} checks that both agree).
 */
final class NullableComponents {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int FIELD_TARGET = 0x13; // a record component's or a field's own type

  private NullableComponents() {}

  /**
   * One flag per record component, in declaration order; null when the class file is unreadable.
   */
  static boolean @Nullable [] of(Class<?> record) {
    RecordComponent[] components = record.getRecordComponents();
    if (components == null) {
      return null; // not a record
    }
    for (RecordComponent c : components) {
      if (!topLevelHasNoPath(c.getGenericType())) {
        return null;
      }
    }
    String name = record.getName();
    try (InputStream stream =
        record.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
      if (stream == null) {
        return null;
      }
      return read(new DataInputStream(stream), components);
    } catch (IOException | RuntimeException e) {
      return null; // an unexpected class file: reflection will answer
    }
  }

  private static boolean @Nullable [] read(DataInputStream in, RecordComponent[] components)
      throws IOException {
    if (in.readInt() != MAGIC) {
      return null;
    }
    in.skipNBytes(4); // minor and major version
    String[] utf8 = constantPool(in);
    if (utf8 == null) {
      return null;
    }
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    for (int members = 0; members < 2; members++) { // fields, then methods
      int count = in.readUnsignedShort();
      for (int i = 0; i < count; i++) {
        in.skipNBytes(6); // access flags, name, descriptor
        skipAttributes(in);
      }
    }
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      String attribute = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("Record".equals(attribute)) {
        return record(in, utf8, components);
      }
      in.skipNBytes(length);
    }
    return null;
  }

  private static boolean @Nullable [] record(
      DataInputStream in, String[] utf8, RecordComponent[] components) throws IOException {
    int count = in.readUnsignedShort();
    if (count != components.length) {
      return null;
    }
    boolean[] nullable = new boolean[count];
    for (int c = 0; c < count; c++) {
      if (!components[c].getName().equals(utf8[in.readUnsignedShort()])) {
        return null;
      }
      in.skipNBytes(2); // descriptor
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (!"RuntimeVisibleTypeAnnotations".equals(attribute)) {
          in.skipNBytes(length);
          continue;
        }
        int annotations = in.readUnsignedShort();
        for (int t = 0; t < annotations; t++) {
          if (in.readUnsignedByte() != FIELD_TARGET) {
            return null;
          }
          int pathLength = in.readUnsignedByte();
          in.skipNBytes(2L * pathLength);
          String type = utf8[in.readUnsignedShort()];
          if (pathLength == 0 && type != null && isNullable(type)) {
            nullable[c] = true;
          }
          skipElementValuePairs(in);
        }
      }
    }
    return nullable;
  }

  /**
   * Whether the annotations of the type itself (not of its arguments or elements) have an empty
   * type path: not so for a member of an inner (non-static) class, nor for a parameterized type
   * with an owner ({@code Map.Entry<K, V>}), where reflection expects path steps this reader does
   * not compare; such records are left to reflection.
   */
  private static boolean topLevelHasNoPath(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray()
          || c.isPrimitive()
          || c.getEnclosingClass() == null
          || Modifier.isStatic(c.getModifiers());
    }
    if (type instanceof ParameterizedType p) {
      return p.getOwnerType() == null;
    }
    return true; // a type variable, a wildcard or a generic array: no nesting
  }

  /**
   * Whether an annotation's descriptor ({@code Lorg/jspecify/annotations/Nullable;}) names a type
   * whose simple name is {@code Nullable}, a nested one ({@code Lcom/example/Checks$Nullable;})
   * included.
   */
  private static boolean isNullable(String descriptor) {
    int end = descriptor.length() - 1;
    if (end < 1 || descriptor.charAt(0) != 'L' || descriptor.charAt(end) != ';') {
      return false;
    }
    int start = Math.max(descriptor.lastIndexOf('/'), descriptor.lastIndexOf('$')) + 1;
    return descriptor.substring(Math.max(start, 1), end).equals("Nullable");
  }

  /** The pool's UTF-8 entries by index (other entries null), or null for an unknown tag. */
  private static String @Nullable [] constantPool(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // class, string, method type, module, package
        case 15 -> in.skipNBytes(3); // method handle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> { // long and double take two entries
          in.skipNBytes(8);
          i++;
        }
        default -> {
          return null;
        }
      }
    }
    return utf8;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }

  private static void skipElementValuePairs(DataInputStream in) throws IOException {
    int pairs = in.readUnsignedShort();
    for (int p = 0; p < pairs; p++) {
      in.skipNBytes(2); // element name
      skipElementValue(in);
    }
  }

  private static void skipElementValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.skipNBytes(2);
      case 'e' -> in.skipNBytes(4);
      case '@' -> {
        in.skipNBytes(2);
        skipElementValuePairs(in);
      }
      case '[' -> {
        int values = in.readUnsignedShort();
        for (int v = 0; v < values; v++) {
          skipElementValue(in);
        }
      }
      default -> throw new IOException("unknown element value tag " + tag);
    }
  }
}
