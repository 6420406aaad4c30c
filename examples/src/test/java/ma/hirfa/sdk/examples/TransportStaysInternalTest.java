package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: no {@code okhttp3}, {@code okio}, {@code moshi} or {@code resilience4j} type is used
 * outside the SDK's {@code internal} packages, so none can reach a public signature and the client
 * modules need not read those libraries. Checked on the sources: every import and every qualified
 * name in code (comments aside) of the main sources of core, payments, catalog and the testkit. A
 * package is internal when it is named {@code internal} or lies below one ({@code
 * core.internal.http}); no other package is.
 */
class TransportStaysInternalTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES =
      List.of("sdk-core", "sdk-payments", "sdk-catalog", "sdk-testkit");
  private static final Pattern TRANSPORT =
      Pattern.compile("\\b(okhttp3|okio|com\\.squareup\\.moshi|io\\.github\\.resilience4j)\\.");
  private static final Pattern REQUIRES =
      Pattern.compile(
          "requires\\s+(static\\s+)?(okhttp3|okio|com\\.squareup\\.moshi|io\\.github\\.resilience4j)");

  @Test
  void noApiPackageUsesATransportLibraryType() throws IOException {
    List<String> uses = uses(false);

    assertThat(uses).isEmpty();
  }

  @Test
  void theScanFindsTheEngineUsingThem() throws IOException {
    // Not vacuous: the same scan over the internal packages finds OkHttp, Okio, Moshi and
    // Resilience4j.
    String all = String.join("\n", uses(true));

    assertThat(all).contains("okhttp3.", "okio.", "com.squareup.moshi.", "io.github.resilience4j.");
    // ...in the engine's subpackages, which count as internal.
    assertThat(all)
        .contains(
            "ma/hirfa/sdk/core/internal/http/",
            "ma/hirfa/sdk/core/internal/json/",
            "ma/hirfa/sdk/core/internal/retry/");
  }

  @Test
  void internalMeansAPackageNamedInternalOrOneBelowItAndNothingElse() {
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/internal/Validate.java"))).isTrue();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/internal/http/ClientRuntime.java"))).isTrue();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/internal/http/deep/X.java"))).isTrue();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/internals/X.java"))).isFalse();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/notinternal/X.java"))).isFalse();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/core/InternalState.java"))).isFalse();
    assertThat(isInternal(Path.of("ma/hirfa/sdk/catalog/internal.java"))).isFalse();
  }

  @Test
  void theClientModulesDoNotReadTheTransportLibraries() throws IOException {
    for (String module : List.of("sdk-payments", "sdk-catalog")) {
      String descriptor =
          Files.readString(ROOT.resolve(module).resolve("src/main/java/module-info.java"));
      assertThat(REQUIRES.matcher(descriptor).find()).as("%s requires one", module).isFalse();
    }
  }

  /** Whether the source file at {@code relative} (to a source root) is in an internal package. */
  static boolean isInternal(Path relative) {
    Path dir = relative.getParent();
    if (dir == null) {
      return false;
    }
    for (Path segment : dir) {
      if (segment.toString().equals("internal")) {
        return true;
      }
    }
    return false;
  }

  /** {@code file:line: code} for each use, in the internal packages or in the others. */
  private static List<String> uses(boolean internal) throws IOException {
    List<String> out = new ArrayList<>();
    for (String module : MODULES) {
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          if (isInternal(sources.relativize(f)) != internal
              || f.getFileName().toString().equals("module-info.java")) {
            continue;
          }
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).strip();
            if (!code.startsWith("*")
                && !code.startsWith("//")
                && !code.startsWith("/*")
                && TRANSPORT.matcher(code).find()) {
              out.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + code);
            }
          }
        }
      }
    }
    return out;
  }
}
