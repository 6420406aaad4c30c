package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ma.hirfa.sdk.catalog.CatalogClient;
import ma.hirfa.sdk.catalog.CatalogSync;
import ma.hirfa.sdk.core.HirfaException;
import ma.hirfa.sdk.core.validation.Rib;
import ma.hirfa.sdk.core.webhooks.WebhookVerifier;
import ma.hirfa.sdk.payments.PaymentsClient;
import ma.hirfa.sdk.payments.cmi.CmiCallback;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's "one exception root": every public exception type of the SDK's API packages is a
 * {@link HirfaException}, the sync handler's wrapper of a checked exception included.
 */
class OneExceptionRootTest {
  /** One class of each API package, to find the package's compiled classes. */
  private static final List<Class<?>> PACKAGES =
      List.of(
          HirfaException.class,
          WebhookVerifier.class,
          Rib.class,
          PaymentsClient.class,
          CmiCallback.class,
          CatalogClient.class,
          Sandbox.class);

  @Test
  void everyPublicExceptionOfTheApiPackagesIsAHirfaException() throws Exception {
    List<Class<?>> exceptions = new ArrayList<>();
    for (Class<?> anchor : PACKAGES) {
      for (Class<?> c : classesInPackageOf(anchor)) {
        if (Throwable.class.isAssignableFrom(c) && isPublic(c)) {
          exceptions.add(c);
        }
      }
    }

    assertThat(exceptions).as("exceptions found").hasSizeGreaterThan(15);
    assertThat(exceptions)
        .contains(CatalogSync.SyncHandlerException.class)
        .allSatisfy(c -> assertThat(HirfaException.class).isAssignableFrom(c));
  }

  private static List<Class<?>> classesInPackageOf(Class<?> anchor)
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(root)) {
      // `verify` puts the reactor's jars on the class path, `test` their classes directories.
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        return classesIn(jar.getPath("/"), anchor);
      }
    }
    return classesIn(root, anchor);
  }

  private static List<Class<?>> classesIn(Path root, Class<?> anchor)
      throws IOException, ClassNotFoundException {
    Path dir = root.resolve(anchor.getPackageName().replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          out.add(
              Class.forName(
                  anchor.getPackageName() + "." + name.replace(".class", ""),
                  false,
                  anchor.getClassLoader()));
        }
      }
    }
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
}
