package ma.hirfa.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The compiled classes of an API package, found from one of its classes: in the module's {@code
 * target/classes} when the reactor tests it, in its jar once the reactor has packaged it (as {@code
 * ./mvnw verify} does before the examples run).
 */
final class ApiClasses {
  private ApiClasses() {}

  /** Every class of the package of {@code anchor}, nested ones included, by name. */
  static List<Class<?>> inPackageOf(Class<?> anchor) {
    String pkg = anchor.getPackageName();
    List<Class<?>> out = new ArrayList<>();
    for (String file : classFiles(anchor)) {
      String name = file.substring(0, file.length() - ".class".length());
      try {
        out.add(Class.forName(pkg + "." + name, false, anchor.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    out.sort(Comparator.comparing(Class::getName));
    return out;
  }

  /** True when {@code c} and every class enclosing it are public. */
  static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> classFiles(Class<?> anchor) {
    Path root;
    try {
      root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String dir = anchor.getPackageName().replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
              .forEach(n -> names.add(n.substring(dir.length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.removeIf(
        n ->
            !n.endsWith(".class") || n.equals("module-info.class") || n.startsWith("package-info"));
    return names;
  }
}
