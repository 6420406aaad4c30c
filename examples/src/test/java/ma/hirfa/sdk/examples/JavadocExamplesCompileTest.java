package ma.hirfa.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code <pre>{@code ...}</pre>} example in the Javadoc of the main sources of sdk-core,
 * sdk-payments, sdk-catalog and sdk-testkit compiles, with the JDK's compiler against the test
 * class path. A fragment is wrapped in a method (or a class body, or taken as a whole file) after
 * the declarations it assumes ({@link ExampleSpecs}); one that does not compile is in {@link
 * ExampleSpecs#NOT_COMPILED} with its reason, and that list is checked both ways.
 */
class JavadocExamplesCompileTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES =
      List.of("sdk-core", "sdk-payments", "sdk-catalog", "sdk-testkit");
  private static final Pattern EXAMPLE =
      Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);

  /** One example: where it is ({@code File#n}, counting from 1 in its file) and its code. */
  record Example(String id, Path file, String code) {}

  @Test
  void everyJavadocExampleCompiles(@TempDir Path out) throws IOException {
    List<Example> examples = examples();
    assertThat(examples).as("examples found").hasSizeGreaterThan(40);

    // The listed examples are compiled one by one: javac stops before checking types when any unit
    // of a task has a syntax error, which would hide the others' errors.
    List<JavaFileObject> units = new ArrayList<>();
    Map<String, Example> byUnit = new TreeMap<>();
    Map<String, List<String>> errors = new TreeMap<>();
    for (Example e : examples) {
      String unit = "Example_" + e.id().replace('#', '_');
      Source source = new Source(unit, ExampleSpecs.source(e.id(), unit, e.code()));
      byUnit.put(unit, e);
      if (ExampleSpecs.NOT_COMPILED.containsKey(e.id())) {
        errors.putAll(compile(List.of(source), out));
      } else {
        units.add(source);
      }
    }
    errors.putAll(compile(units, out));

    List<String> failures = new ArrayList<>();
    errors.forEach(
        (unit, messages) -> {
          Example e = byUnit.get(unit);
          if (e == null || !ExampleSpecs.NOT_COMPILED.containsKey(e.id())) {
            String where = e == null ? unit : e.id() + " (" + ROOT.relativize(e.file()) + ")";
            failures.add(where + ":\n  " + String.join("\n  ", messages));
          }
        });
    assertThat(failures).as("Javadoc examples that do not compile").isEmpty();
    for (String listed : ExampleSpecs.NOT_COMPILED.keySet()) {
      assertThat(errors)
          .as("%s compiles now: remove it from ExampleSpecs.NOT_COMPILED", listed)
          .containsKey("Example_" + listed.replace('#', '_'));
    }
  }

  @Test
  void theReviewedListsNameOnlyExamplesThatExist() throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    examples().forEach(e -> ids.add(e.id()));
    assertThat(ids).containsAll(ExampleSpecs.NOT_COMPILED.keySet());
    assertThat(ids).containsAll(ExampleSpecs.SPECS.keySet());
  }

  /** Not vacuous: a broken example is reported, naming it. */
  @Test
  void aBrokenExampleIsReported(@TempDir Path out) {
    String source =
        ExampleSpecs.source("Broken#1", "Example_Broken_1", "Money m = Money.ofMinor(\"150\");");
    assertThat(compile(List.of(new Source("Example_Broken_1", source)), out))
        .containsKey("Example_Broken_1");
  }

  private static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          Matcher m = EXAMPLE.matcher(Files.readString(f));
          int n = 0;
          while (m.find()) {
            String name = f.getFileName().toString().replace(".java", "");
            out.add(new Example(name + "#" + ++n, f, unJavadoc(m.group(1))));
          }
        }
      }
    }
    return out;
  }

  /** The code without each line's leading {@code *} and with Javadoc's escapes undone. */
  private static String unJavadoc(String block) {
    StringBuilder sb = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      sb.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
    }
    return sb.toString().replace("&#64;", "@").replace("{@literal @}", "@");
  }

  /** Compiles the units together; the error messages by unit name. */
  private static Map<String, List<String>> compile(List<JavaFileObject> units, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> options =
        List.of(
            "-classpath",
            classPath,
            "-d",
            out.toString(),
            "-proc:none",
            "--release",
            "17",
            "-Xlint:none");
    javac.getTask(null, null, diagnostics, options, null, units).call();
    Map<String, List<String>> errors = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String unit = d.getSource() == null ? "?" : ((Source) d.getSource()).unit;
      errors
          .computeIfAbsent(unit, u -> new ArrayList<>())
          .add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
    }
    return errors;
  }

  private static final class Source extends SimpleJavaFileObject {
    final String unit;
    private final String code;

    Source(String unit, String code) {
      super(URI.create("string:///snippets/" + unit + ".java"), Kind.SOURCE);
      this.unit = unit;
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
