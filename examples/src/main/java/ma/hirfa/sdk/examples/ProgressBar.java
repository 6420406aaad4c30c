package ma.hirfa.sdk.examples;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import ma.hirfa.sdk.catalog.ExportProgress;

/**
 * An export progress bar: redrawn in place on a terminal, plain lines at each quarter otherwise
 * (logs, CI, a pipe).
 */
final class ProgressBar implements Consumer<ExportProgress> {
  private final PrintStream out;
  private final long total;
  private final boolean terminal;
  private int quartersShown;

  ProgressBar(PrintStream out, long total, boolean terminal) {
    this.out = out;
    this.total = total;
    this.terminal = terminal;
  }

  /** A bar for {@code System.out}: redrawn in place only when it is an interactive terminal. */
  static ProgressBar forStdout(PrintStream out, long total) {
    return new ProgressBar(out, total, out == System.out && isTerminal());
  }

  /**
   * Up to JDK 21 a console exists only for a terminal; from JDK 22 it always exists and {@code
   * Console.isTerminal()} (called reflectively: this code compiles for 17) says.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void accept(ExportProgress p) {
    // The API announces the export's size (Export-Product-Count); the caller's total otherwise.
    long total = p.total().orElse(this.total);
    double share = total == 0 ? 1 : Math.min(1, (double) p.products() / total);
    String stats =
        String.format(
            Locale.ROOT,
            "%,d/%,d products, %.1f MB, %,.0f/s, ETA %s",
            p.products(),
            total,
            p.bytes() / 1e6,
            p.productsPerSecond(),
            eta(p.remaining(total)));
    if (terminal) {
      int filled = (int) (share * 30);
      out.print("\r  [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + stats);
      if (p.done()) {
        out.println();
      }
      return;
    }
    int quarter = (int) (share * 4);
    if (quarter > quartersShown || p.done()) {
      quartersShown = Math.max(quarter, quartersShown);
      out.println("  " + (int) (share * 100) + "% " + stats);
    }
  }

  private static String eta(Duration d) {
    return d.toSeconds() + "s";
  }
}
