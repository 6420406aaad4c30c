package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The promise ledger ({@code docs/promises.md}) holds: every promise names tests that exist, every
 * promise id a document or a Javadoc cites is in the ledger, every test a document names exists,
 * and every guarantee of {@code SECURITY.md} names a test.
 */
class PromiseLedgerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ROW = Pattern.compile("^\\| ([A-Z][0-9]+) \\| (.+) \\| (.+) \\|$");
  private static final Pattern ID =
      Pattern.compile("(?<![A-Za-z0-9_-])([MECRK][1-9][0-9]?)(?![0-9A-Za-z_-])");
  private static final Pattern TEST_NAME =
      Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)(?:[#.]([a-z][A-Za-z0-9]*))?\\b");

  /** Documents whose promises the ledger must cover. */
  private static final List<String> DOCS =
      List.of(
          "SECURITY.md",
          "docs/reliability.md",
          "docs/webhooks.md",
          "docs/contract.md",
          "docs/promises.md");

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> ledger() {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : read(ROOT.resolve("docs/promises.md")).split("\n", -1)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        List<String> tests = new ArrayList<>();
        for (String t : m.group(3).split(",")) {
          if (!t.isBlank()) {
            tests.add(t.trim());
          }
        }
        if (rows.put(m.group(1), tests) != null) {
          // Two rows with one id: the map would keep the last, and never check the first.
          throw new AssertionError("the ledger has two rows with the id " + m.group(1));
        }
      }
    }
    return rows;
  }

  /** Every test source file of the repository, by class name. */
  private static Map<String, String> testSources() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .forEach(p -> out.put(p.getFileName().toString().replace(".java", ""), read(p)));
    }
    return out;
  }

  private static List<String> documents() throws IOException {
    List<String> out = new ArrayList<>();
    for (String d : DOCS) {
      out.add(read(ROOT.resolve(d)));
    }
    try (Stream<Path> guides = Files.list(ROOT.resolve("docs/guides"))) {
      guides.filter(p -> p.toString().endsWith(".md")).forEach(p -> out.add(read(p)));
    }
    return out;
  }

  @Test
  void everyPromiseNamesTestsThatExist() throws IOException {
    Map<String, String> sources = testSources();
    Map<String, List<String>> rows = ledger();
    List<String> broken = new ArrayList<>();

    assertThat(rows).as("promises in docs/promises.md").hasSizeGreaterThan(8);
    rows.forEach(
        (id, tests) -> {
          if (tests.isEmpty()) {
            broken.add(id + " names no test");
          }
          for (String t : tests) {
            String[] parts = t.split("#", 2);
            String source = sources.get(parts[0]);
            if (source == null) {
              broken.add(id + ": no test class " + parts[0]);
            } else if (parts.length == 2 && !isTestMethod(source, parts[1])) {
              broken.add(id + ": no test method " + t);
            }
          }
        });
    assertThat(broken).isEmpty();
  }

  @Test
  void everyPromiseIdCitedByADocumentOrAJavadocIsInTheLedger() throws IOException {
    Set<String> known = ledger().keySet();
    Set<String> cited = new TreeSet<>();
    for (String doc : documents()) {
      collectIds(doc, cited);
    }
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .forEach(p -> collectPromiseTags(read(p), cited));
    }

    assertThat(known).containsAll(cited);
  }

  @Test
  void everyTestADocumentNamesExists() throws IOException {
    Map<String, String> sources = testSources();
    List<String> missing = new ArrayList<>();
    for (String doc : documents()) {
      // A snippet marker names a code region, not a test, and the code block after it is code
      // (a Boot test's @SpringBootTest, say), not a citation: DocsSnippetsTest checks those.
      String prose =
          doc.replaceAll("(?s)<!-- snippet: \\w+#\\w+ -->\\s*```\\w*\\n.*?```", "")
              .replaceAll("<!-- snippet: \\w+#\\w+ -->", "");
      Matcher m = TEST_NAME.matcher(prose);
      while (m.find()) {
        String source = sources.get(m.group(1));
        if (source == null) {
          missing.add(m.group());
        } else if (m.group(2) != null && !isTestMethod(source, m.group(2))) {
          missing.add(m.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyGuaranteeOfTheSecurityPolicyNamesATest() {
    String security = read(ROOT.resolve("SECURITY.md"));
    int start = security.indexOf("| guarantee |");
    List<String> unproven = new ArrayList<>();
    for (String line : security.substring(start).split("\n")) {
      if (!line.startsWith("|")) {
        break;
      }
      if (line.startsWith("| guarantee") || line.startsWith("|---")) {
        continue;
      }
      if (!TEST_NAME.matcher(line).find()) {
        unproven.add(line);
      }
    }
    assertThat(unproven).isEmpty();
  }

  private static boolean isTestMethod(String source, String method) {
    Pattern p =
        Pattern.compile(
            "@(?:Test|ParameterizedTest|RepeatedTest)\\b[^;]{0,400}?\\bvoid\\s+"
                + Pattern.quote(method)
                + "\\s*\\(");
    return p.matcher(source).find();
  }

  /** Ids in a document: in the ledger's tables, and in parentheses like "(M3)" or "(E1, E2)". */
  private static void collectIds(String doc, Set<String> into) {
    Matcher paren =
        Pattern.compile("\\(([MECRK][1-9][0-9]?(?:[,;] ?[MECRK][1-9][0-9]?)*)[,;)]").matcher(doc);
    while (paren.find()) {
      Matcher id = ID.matcher(paren.group(1));
      while (id.find()) {
        into.add(id.group(1));
      }
    }
  }

  /** Javadoc cites a promise as {@code "promise M3"} or {@code "(PROMISES M3)"}. */
  private static void collectPromiseTags(String source, Set<String> into) {
    Matcher m = Pattern.compile("(?i)promises? ([MECRK][1-9][0-9]?)\\b").matcher(source);
    while (m.find()) {
      into.add(m.group(1).toUpperCase(java.util.Locale.ROOT));
    }
  }
}
