package ma.hirfa.sdk.examples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Strings that match a contract's {@code pattern}: the shortest (fewest repetitions, the first
 * character of each class), the longest (most repetitions, the last character) and seeded random
 * ones. Understands the subset the contracts use (anchors, literals, escapes {@code \d \. \xNN},
 * classes with ranges, groups of alternatives, {@code ? * + {n} {n,} {n,m}}); anything else fails
 * loudly naming the pattern, so a new pattern form is never silently mis-generated. Every string is
 * checked against the pattern (JSON Schema's unanchored search) before it is returned.
 */
final class PatternStrings {
  /** How many repetitions an unbounded {@code +} or {@code *} makes at most. */
  static final int UNBOUNDED = 64;

  enum Pick {
    MIN,
    MAX,
    RANDOM
  }

  private sealed interface Node permits Chars, Seq, Alt, Repeat {}

  /** One character out of these ranges, as pairs {@code [from, to]}. */
  private record Chars(List<int[]> ranges) implements Node {}

  private record Seq(List<Node> items) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  private record Repeat(Node node, int min, int max) implements Node {}

  private final String pattern;
  private int at;

  private PatternStrings(String pattern) {
    this.pattern = pattern;
  }

  /**
   * A string matching {@code pattern}, no longer than {@code maxLength} when the pattern allows.
   */
  static String sample(String pattern, Pick pick, SplittableRandom random, int maxLength) {
    PatternStrings p = new PatternStrings(pattern);
    String body = pattern;
    boolean start = body.startsWith("^");
    boolean end = body.endsWith("$") && !body.endsWith("\\$");
    p.at = start ? 1 : 0;
    Node tree = p.sequence(end ? body.length() - 1 : body.length());
    StringBuilder sb = new StringBuilder();
    generate(tree, pick, random, sb, maxLength);
    String s = sb.toString();
    if (!Pattern.compile(pattern).matcher(s).find()) {
      throw new IllegalStateException("generated " + s + " does not match " + pattern);
    }
    return s;
  }

  private Node sequence(int end) {
    List<Node> options = new ArrayList<>();
    List<Node> items = new ArrayList<>();
    while (at < end) {
      char c = pattern.charAt(at);
      if (c == '|') {
        at++;
        options.add(new Seq(items));
        items = new ArrayList<>();
        continue;
      }
      if (c == ')') {
        break;
      }
      Node atom;
      if (c == '(') {
        at++;
        atom = sequence(end);
        expect(')');
      } else if (c == '[') {
        atom = charClass();
      } else if (c == '\\') {
        atom = escape();
      } else if (c == '.' || c == '^' || c == '$') {
        throw unsupported();
      } else {
        at++;
        atom = single(c);
      }
      items.add(quantified(atom));
    }
    options.add(new Seq(items));
    return options.size() == 1 ? options.get(0) : new Alt(options);
  }

  private Node quantified(Node atom) {
    if (at >= pattern.length()) {
      return atom;
    }
    char q = pattern.charAt(at);
    switch (q) {
      case '?' -> {
        at++;
        return new Repeat(atom, 0, 1);
      }
      case '*' -> {
        at++;
        return new Repeat(atom, 0, UNBOUNDED);
      }
      case '+' -> {
        at++;
        return new Repeat(atom, 1, UNBOUNDED);
      }
      case '{' -> {
        int close = pattern.indexOf('}', at);
        String[] bounds = pattern.substring(at + 1, close).split(",", -1);
        at = close + 1;
        int min = Integer.parseInt(bounds[0]);
        int max =
            bounds.length == 1
                ? min
                : bounds[1].isEmpty() ? min + UNBOUNDED : Integer.parseInt(bounds[1]);
        return new Repeat(atom, min, max);
      }
      default -> {
        return atom;
      }
    }
  }

  private Node charClass() {
    expect('[');
    if (pattern.charAt(at) == '^') {
      throw unsupported();
    }
    List<int[]> ranges = new ArrayList<>();
    while (pattern.charAt(at) != ']') {
      int from = classChar();
      if (from < 0) {
        ranges.add(new int[] {'0', '9'});
        continue;
      }
      if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
        at++;
        ranges.add(new int[] {from, classChar()});
      } else {
        ranges.add(new int[] {from, from});
      }
    }
    at++;
    return new Chars(ranges);
  }

  /** One character of a class; -1 for {@code \d}. */
  private int classChar() {
    char c = pattern.charAt(at++);
    if (c != '\\') {
      return c;
    }
    char e = pattern.charAt(at++);
    if (e == 'd') {
      return -1;
    }
    if (e == 'x') {
      int v = Integer.parseInt(pattern.substring(at, at + 2), 16);
      at += 2;
      return v;
    }
    if (Character.isLetterOrDigit(e)) {
      throw unsupported();
    }
    return e;
  }

  private Node escape() {
    at++;
    char e = pattern.charAt(at);
    if (e == 'd') {
      at++;
      return new Chars(List.<int[]>of(new int[] {'0', '9'}));
    }
    at--;
    int c = classChar();
    return single(c);
  }

  private static Node single(int c) {
    return new Chars(List.<int[]>of(new int[] {c, c}));
  }

  private void expect(char c) {
    if (at >= pattern.length() || pattern.charAt(at) != c) {
      throw unsupported();
    }
    at++;
  }

  private IllegalArgumentException unsupported() {
    return new IllegalArgumentException(
        "PatternStrings does not understand " + pattern + " at " + at + ": teach it this form");
  }

  private static void generate(
      Node n, Pick pick, SplittableRandom random, StringBuilder sb, int max) {
    if (n instanceof Chars c) {
      List<int[]> r = c.ranges();
      int[] range = pick(r, pick, random);
      int ch =
          pick == Pick.MIN
              ? range[0]
              : pick == Pick.MAX ? range[1] : range[0] + random.nextInt(range[1] - range[0] + 1);
      sb.appendCodePoint(ch);
    } else if (n instanceof Seq s) {
      s.items().forEach(i -> generate(i, pick, random, sb, max));
    } else if (n instanceof Alt a) {
      generate(pick(a.options(), pick, random), pick, random, sb, max);
    } else if (n instanceof Repeat r) {
      int times =
          pick == Pick.MIN
              ? r.min()
              : pick == Pick.MAX
                  ? r.max()
                  : r.min() + random.nextInt(Math.min(r.max() - r.min(), 12) + 1);
      for (int i = 0; i < times; i++) {
        if (i >= r.min() && sb.length() >= max) {
          break;
        }
        generate(r.node(), pick, random, sb, max);
      }
    }
  }

  private static <T> T pick(List<T> options, Pick pick, SplittableRandom random) {
    return pick == Pick.MIN
        ? options.get(0)
        : pick == Pick.MAX
            ? options.get(options.size() - 1)
            : options.get(random.nextInt(options.size()));
  }
}
