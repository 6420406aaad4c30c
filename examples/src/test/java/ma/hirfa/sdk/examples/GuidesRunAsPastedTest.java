package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each guide of {@code docs/guides} runs as pasted: every Java block, in the page's order, pasted
 * into one test class as the guide's first block says ({@link PastedGuide}), compiles with the
 * JDK's compiler against the test class path and passes when JUnit runs it against the embedded
 * sandbox the class itself starts. The snippets checked by {@link DocsSnippetsTest} are each real
 * code; this checks that together, in order, they are a program a newcomer can run.
 */
class GuidesRunAsPastedTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path GUIDES = ROOT.resolve("docs/guides");

  /**
   * The blocks a guide leaves out of its test class ({@code <!-- not-pasted: reason -->}), by
   * {@code guide#block}, with their reason: reviewed here, at most two, and checked both ways.
   */
  private static final Map<String, String> NOT_PASTED = Map.of();

  /**
   * Guides whose code lives in an application, not in a test class: Spring Boot's blocks are
   * regions of {@code examples-spring-boot}, which {@code DocsSnippetsTest} checks and {@code
   * BankAppTest} runs on a real port.
   */
  static final Map<String, String> IN_AN_APPLICATION =
      Map.of("spring-boot.md", "beans and listeners of a Boot application (examples-spring-boot)");

  /** Every guide with a Java block, by file name, but those {@link #IN_AN_APPLICATION}. */
  static Stream<String> guides() {
    try (Stream<Path> files = Files.list(GUIDES)) {
      return files
          .filter(p -> p.toString().endsWith(".md"))
          .filter(p -> read(p).contains("```java"))
          .map(p -> p.getFileName().toString())
          .filter(name -> !IN_AN_APPLICATION.containsKey(name))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guides")
  void everyJavaBlockPastedInOrderIntoOneTestClassCompilesAndRunsAgainstTheSandbox(
      String guide, @TempDir Path classes) {
    PastedGuide pasted = pasted(guide, read(GUIDES.resolve(guide)));

    assertThat(pasted.compile(classes)).as("%s, pasted as its first block says", guide).isEmpty();
    PastedGuide.Run run = pasted.run(classes);

    assertThat(run.failures()).as("%s, run against the sandbox", guide).isEmpty();
    assertThat(run.found()).as("%s: tests found", guide).isPositive();
    assertThat(run.found()).as("%s: tests found", guide).isEqualTo(pasted.testMethods());
    assertThat(run.succeeded()).as("%s: tests passed", guide).isEqualTo(run.found());
  }

  @Test
  void theGuidesOfEachAudienceArePasted() {
    assertThat(guides())
        .contains("bank.md", "developer.md", "ecommerce.md", "observability.md", "scaling.md");
  }

  @Test
  void theGuidesLeftToTheirApplicationExistAndHaveJava() {
    for (String guide : IN_AN_APPLICATION.keySet()) {
      assertThat(GUIDES.resolve(guide)).exists();
      assertThat(read(GUIDES.resolve(guide))).as(guide).contains("```java");
    }
  }

  @Test
  void theBlocksLeftOutAreFewAndEachSaysWhy() {
    Map<String, String> leftOut = new TreeMap<>();
    guides()
        .forEach(
            g ->
                pasted(g, read(GUIDES.resolve(g))).blocks().stream()
                    .filter(b -> b.notPasted() != null)
                    .forEach(b -> leftOut.put(g + "#" + b.number(), b.notPasted())));

    assertThat(leftOut).isEqualTo(new TreeMap<>(NOT_PASTED));
    assertThat(leftOut).hasSizeLessThanOrEqualTo(2);
  }

  /** The convention itself: declarations at (1), the rest at (2), a marked block left out. */
  @Test
  void blocksGoWhereTheFirstBlockSaysAndAMarkedBlockIsLeftOut(@TempDir Path classes) {
    String markdown =
        tinyGuide(
            "```java",
            "int twice = twice(21);",
            "```",
            "<!-- not-pasted: a shell command, not Java -->",
            "```java",
            "./mvnw test",
            "```",
            "```java",
            "static int twice(int n) {",
            "  return 2 * n;",
            "}",
            "```",
            "```java",
            "if (twice != 42) throw new AssertionError(twice);",
            "```");
    PastedGuide tiny = PastedGuide.of("tiny.md", markdown);

    assertThat(tiny.blocks())
        .extracting(PastedGuide.Block::notPasted)
        .containsOnlyOnce("a shell command, not Java");
    assertThat(tiny.compile(classes)).isEmpty();
    PastedGuide.Run run = tiny.run(classes);
    assertThat(run.failures()).isEmpty();
    assertThat(run.succeeded()).isEqualTo(1);
  }

  /** A block that fails when the class runs is reported at its line of the page. */
  @Test
  void aBlockThatFailsIsReportedAtItsLineOfThePage(@TempDir Path classes) {
    PastedGuide tiny =
        PastedGuide.of(
            "tiny.md",
            tinyGuide("```java", "String s = \"ok\";", "```", "```java", "s.charAt(5);", "```"));

    assertThat(tiny.compile(classes)).isEmpty();
    PastedGuide.Run run = tiny.run(classes);

    assertThat(run.failures())
        .singleElement()
        .asString()
        .contains("StringIndexOutOfBoundsException")
        .contains("at tiny.md:15 (block 3)");
  }

  /** A page whose first block is the class below, then {@code blocks}, one line each. */
  private static String tinyGuide(String... blocks) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "```java",
                "import org.junit.jupiter.api.Test;",
                "class Tiny {",
                "  // (1) paste here each block that begins with a declaration",
                "  @Test",
                "  void guide() {",
                "    // (2) paste here every other block, in order",
                "  }",
                "}",
                "```"));
    lines.addAll(List.of(blocks));
    return String.join("\n", lines) + "\n";
  }

  /** Not vacuous: a guide that no longer declares what a later block uses is reported. */
  @ParameterizedTest(name = "{0} without {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bank.md      | String cardNumber = | cardNumber",
        "ecommerce.md | Shop shop =         | shop",
        "developer.md | FxQuote usd =       | usd",
        "scaling.md   | DataSource dataSource = | dataSource"
      })
  void aGuideMissingADeclarationFailsNamingTheGuideAndTheUndefinedSymbol(
      String guide, String declaration, String symbol, @TempDir Path classes) {
    String text = read(GUIDES.resolve(guide));
    List<String> lines = text.lines().filter(l -> l.contains(declaration)).toList();
    assertThat(lines).as("%s declares %s on one line", guide, symbol).hasSize(1);

    List<String> errors = pasted(guide, text.replace(lines.get(0) + "\n", "")).compile(classes);

    assertThat(errors)
        .as("errors of %s without %s", guide, declaration)
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("docs/guides/" + guide + ":")
                    .contains("cannot find symbol")
                    .contains("variable " + symbol));
  }

  /**
   * The bank guide's endpoint really receives the sandbox's signed deliveries and verifies them:
   * with another secret than the one the sandbox signs with, nothing is applied and the pasted test
   * fails on the order it waits for.
   */
  @Test
  void theBankGuidesEndpointAppliesOnlyDeliveriesSignedWithItsSecret(@TempDir Path classes) {
    String text = read(GUIDES.resolve("bank.md"));
    String verifier = ".secret(endpoint.secret())";
    assertThat(text).contains(verifier);
    PastedGuide pasted =
        pasted(
            "bank.md",
            text.replace(verifier, ".secret(\"" + WebhookReceiverExample.OLD_SECRET + "\")"));

    assertThat(pasted.compile(classes)).isEmpty();
    PastedGuide.Run run = pasted.run(classes);

    assertThat(run.failures()).singleElement().asString().contains("ORD-1001");
  }

  private static PastedGuide pasted(String guide, String markdown) {
    return PastedGuide.of("docs/guides/" + guide, markdown);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
