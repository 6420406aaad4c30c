package ma.hirfa.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One guide's Java blocks pasted as a newcomer pastes them, following the convention each guide
 * states at its top: the first block is a whole test class with two places marked {@code (1) paste
 * here} (its body) and {@code (2) paste here} (its test method's body); every later block that
 * begins with a declaration ({@code @}, {@code class}, {@code record}, {@code interface}, {@code
 * enum}, {@code static}, {@code final} or {@code void}, after any comment lines) goes at (1), every
 * other block at (2), each in the order of the page. A block after {@code <!-- not-pasted: reason
 * -->} is left out. Nothing else is added: the imports are the first block's.
 */
final class PastedGuide {
  private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
  private static final Pattern NOT_PASTED =
      Pattern.compile("<!-- not-pasted: ([^>]+?) -->\\s*(?:<!-- snippet: \\w+#\\w+ -->\\s*)?$");
  private static final Pattern DECLARATION =
      Pattern.compile("^(@|(class|record|interface|enum|static|final|void)\\b)");
  private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:\\w+\\s+)*class\\s+(\\w+)");
  static final String MEMBERS = "(1) paste here";
  static final String STATEMENTS = "(2) paste here";

  /** A Java block of the page: its number (from 1), the page's line of its first code line. */
  record Block(int number, int line, String code, @Nullable String notPasted) {
    boolean declares() {
      for (String l : code.lines().toList()) {
        String t = l.strip();
        if (t.isEmpty() || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
          continue;
        }
        return DECLARATION.matcher(t).find();
      }
      return false;
    }
  }

  /** What JUnit reported for the pasted class. */
  record Run(long found, long succeeded, List<String> failures) {}

  private final String guide;
  private final List<Block> blocks;
  private final List<String> source = new ArrayList<>();
  private final List<String> origin = new ArrayList<>();

  private PastedGuide(String guide, List<Block> blocks) {
    this.guide = guide;
    this.blocks = blocks;
    assemble();
  }

  /** The guide {@code name} (as {@code docs/guides/bank.md}) with this text. */
  static PastedGuide of(String name, String markdown) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    int previousEnd = 0;
    while (m.find()) {
      Matcher excluded = NOT_PASTED.matcher(markdown.substring(previousEnd, m.start()));
      String reason = excluded.find() ? excluded.group(1).strip() : null;
      int line = (int) markdown.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
      blocks.add(new Block(blocks.size() + 1, line, m.group(1), reason));
      previousEnd = m.end();
    }
    return new PastedGuide(name, blocks);
  }

  List<Block> blocks() {
    return blocks;
  }

  /** The pasted class, as javac sees it. */
  String source() {
    return String.join("\n", source) + "\n";
  }

  /** How many {@code @Test} methods the pasted class has: JUnit must find and pass each. */
  long testMethods() {
    return source.stream().filter(l -> l.strip().startsWith("@Test")).count();
  }

  /** The class name the first block declares. */
  String className() {
    Matcher m = CLASS_NAME.matcher(skeleton().code());
    if (!m.find()) {
      throw new IllegalStateException(guide + ": the first Java block declares no class");
    }
    return m.group(1);
  }

  private Block skeleton() {
    if (blocks.isEmpty()) {
      throw new IllegalStateException(guide + " has no Java block");
    }
    return blocks.get(0);
  }

  private void assemble() {
    Block skeleton = skeleton();
    List<String> lines = skeleton.code().lines().toList();
    int members = indexOf(lines, MEMBERS);
    int statements = indexOf(lines, STATEMENTS);
    for (int i = 0; i < lines.size(); i++) {
      add(lines.get(i), skeleton, i);
      if (i == members || i == statements) {
        for (Block b : blocks.subList(1, blocks.size())) {
          if (b.notPasted() == null && b.declares() == (i == members)) {
            List<String> code = b.code().lines().toList();
            for (int j = 0; j < code.size(); j++) {
              add(code.get(j), b, j);
            }
          }
        }
      }
    }
  }

  private int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("// " + marker)) {
        return i;
      }
    }
    throw new IllegalStateException(
        guide
            + ": the first Java block must be the test class, with a comment \"// "
            + marker
            + " ...\" where the later blocks go");
  }

  private void add(String line, Block block, int offset) {
    source.add(line);
    origin.add(guide + ":" + (block.line() + offset) + " (block " + block.number() + ")");
  }

  /** Compiles the pasted class into {@code out}; the errors, each naming the page's line. */
  List<String> compile(Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> options =
        List.of("-classpath", classPath, "-d", out.toString(), "-proc:none", "--release", "17");
    JavaFileObject unit =
        new SimpleJavaFileObject(
            URI.create("string:///" + className() + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source();
          }
        };
    javac.getTask(null, null, diagnostics, options, null, List.of(unit)).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        int line = (int) d.getLineNumber();
        String where = line >= 1 && line <= origin.size() ? origin.get(line - 1) : guide;
        errors.add(where + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  /** The page's lines the pasted class was at when {@code e} was thrown, innermost first. */
  private String where(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      int line = frame.getLineNumber();
      if ((c.equals(className()) || c.startsWith(className() + "$"))
          && line >= 1
          && line <= origin.size()) {
        sb.append("\n    at ").append(origin.get(line - 1));
      }
    }
    return sb.toString();
  }

  /** Runs the class compiled into {@code classes} with JUnit, as the newcomer's build would. */
  Run run(Path classes) {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, PastedGuide.class.getClassLoader())) {
      Class<?> test = loader.loadClass(className());
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(DiscoverySelectors.selectClass(test))
              .build();
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(request, listener);
      TestExecutionSummary summary = listener.getSummary();
      List<String> failures = new ArrayList<>();
      for (TestExecutionSummary.Failure f : summary.getFailures()) {
        failures.add(
            guide
                + ", "
                + f.getTestIdentifier().getDisplayName()
                + ": "
                + f.getException()
                + where(f.getException()));
      }
      return new Run(summary.getTestsFoundCount(), summary.getTestsSucceededCount(), failures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(guide + ": compiled no class " + className(), e);
    }
  }
}
