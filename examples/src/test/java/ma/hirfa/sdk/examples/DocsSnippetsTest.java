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
 * BankGuideTest}, which the build runs).
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SOURCES = ROOT.resolve("examples/src/main/java/ma/hirfa/sdk/examples");

  /** The guides' tests (BankGuideTest): their regions are snippets too. */
  private static final Path TESTS = ROOT.resolve("examples/src/test/java/ma/hirfa/sdk/examples");

  private static final Pattern MARKER =
      Pattern.compile("<!-- snippet: (\\w+)#(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  record Snippet(Path guide, String file, String name, String code) {}

  @Test
  void everyGuideSnippetMatchesTheExampleCodeThatTheTestsRun() throws IOException {
    List<Snippet> snippets = snippets();
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    for (Snippet s : snippets) {
      Path file = SOURCES.resolve(s.file() + ".java");
      String source =
          Files.readString(Files.exists(file) ? file : TESTS.resolve(s.file() + ".java"));
      assertThat(normalize(s.code()))
          .as("%s: snippet %s#%s", ROOT.relativize(s.guide()), s.file(), s.name())
          .isEqualTo(normalize(region(source, s.name())));
    }
  }

  @Test
  void everyExampleRegionIsShownInAGuide() throws IOException {
    List<String> shown = snippets().stream().map(s -> s.file() + "#" + s.name()).toList();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.toList()) {
        Matcher m = Pattern.compile("// \\[snippet:(\\w+)]").matcher(Files.readString(f));
        while (m.find()) {
          String id = f.getFileName().toString().replace(".java", "") + "#" + m.group(1);
          assertThat(shown).as("region %s is in no guide", id).contains(id);
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
          out.add(new Snippet(g, m.group(1), m.group(2), m.group(3)));
        }
      }
    }
    return out;
  }

  private static String region(String source, String name) {
    String start = "// [snippet:" + name + "]";
    int from = source.indexOf(start);
    assertThat(from).as("no region " + name).isNotNegative();
    from = source.indexOf('\n', from) + 1;
    int to = source.indexOf("// [end]", from);
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
