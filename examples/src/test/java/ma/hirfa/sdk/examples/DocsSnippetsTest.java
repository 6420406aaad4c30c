package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides' code blocks are not copies that drift: each block after a {@code <!-- snippet:
 * File#name -->} marker must equal the region {@code // [snippet:name]} ... {@code // [end]} of
 * that example class, which the tour's tests compile and run (or of a guide's test, like {@code
 * BankGuideTest}, which the build runs). The Spring Boot guide's blocks come from the Boot example
 * ({@code examples-spring-boot}, run by {@code BankAppTest}): its classes, its tests, and its
 * {@code application.properties}, whose regions are {@code # [snippet:name]} ... {@code # [end]}.
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SOURCES = ROOT.resolve("examples/src/main/java/ma/hirfa/sdk/examples");

  /** The guides' tests (BankGuideTest): their regions are snippets too. */
  private static final Path TESTS = ROOT.resolve("examples/src/test/java/ma/hirfa/sdk/examples");

  /** The Spring Boot example: its classes and properties, and its test. */
  private static final Path BOOT = ROOT.resolve("examples-spring-boot/src");

  private static final Path BOOT_SOURCES = BOOT.resolve("main/java/ma/hirfa/sdk/examples/boot");
  private static final Path BOOT_RESOURCES = BOOT.resolve("main/resources");
  private static final Path BOOT_TESTS = BOOT.resolve("test/java/ma/hirfa/sdk/examples/boot");

  /** Where a snippet's file is looked for, in order; the regions of these must all be shown. */
  private static final List<Path> SHOWN = List.of(SOURCES, BOOT_SOURCES, BOOT_RESOURCES);

  private static final List<Path> ALL =
      List.of(SOURCES, TESTS, BOOT_SOURCES, BOOT_RESOURCES, BOOT_TESTS);

  private static final Pattern MARKER =
      Pattern.compile(
          "<!-- snippet: (\\w+)#(\\w+) -->\\s*```(java|properties)\\n(.*?)```", Pattern.DOTALL);

  private static final Pattern REGION = Pattern.compile("(?://|#) \\[snippet:(\\w+)]");

  record Snippet(Path guide, String file, String name, String language, String code) {
    String extension() {
      return language.equals("java") ? ".java" : ".properties";
    }
  }

  @Test
  void everyGuideSnippetMatchesTheExampleCodeThatTheTestsRun() throws IOException {
    List<Snippet> snippets = snippets();
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    for (Snippet s : snippets) {
      Path file =
          ALL.stream()
              .map(dir -> dir.resolve(s.file() + s.extension()))
              .filter(Files::exists)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no example file " + s.file() + s.extension()));
      assertThat(normalize(s.code()))
          .as("%s: snippet %s#%s", ROOT.relativize(s.guide()), s.file(), s.name())
          .isEqualTo(normalize(region(Files.readString(file), s.name())));
    }
  }

  @Test
  void everyExampleRegionIsShownInAGuide() throws IOException {
    List<String> shown = snippets().stream().map(s -> s.file() + "#" + s.name()).toList();
    for (Path dir : SHOWN) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Matcher m = REGION.matcher(Files.readString(f));
          while (m.find()) {
            String file = f.getFileName().toString().replaceAll("\\.(java|properties)$", "");
            String id = file + "#" + m.group(1);
            assertThat(shown).as("region %s is in no guide", id).contains(id);
          }
        }
      }
    }
  }

  private static List<Snippet> snippets() throws IOException {
    List<Snippet> out = new ArrayList<>();
    try (Stream<Path> guides = Files.list(ROOT.resolve("docs/guides"))) {
      for (Path g : guides.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = MARKER.matcher(Files.readString(g));
        while (m.find()) {
          out.add(new Snippet(g, m.group(1), m.group(2), m.group(3), m.group(4)));
        }
      }
    }
    return out;
  }

  /** The lines between {@code // [snippet:name]} (or {@code #} in properties) and the next end. */
  private static String region(String source, String name) {
    Matcher start = Pattern.compile("(//|#) \\[snippet:" + name + "]").matcher(source);
    assertThat(start.find()).as("no region " + name).isTrue();
    int from = source.indexOf('\n', start.start()) + 1;
    int to = source.indexOf(start.group(1) + " [end]", from);
    return source.substring(from, source.lastIndexOf('\n', to) + 1);
  }

  /** Removes the common indentation and trailing blanks. */
  private static String normalize(String code) {
    List<String> lines = code.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }
}
