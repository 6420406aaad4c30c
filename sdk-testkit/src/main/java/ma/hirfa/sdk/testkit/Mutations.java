package ma.hirfa.sdk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid inputs, for fuzzing a decoder or a verifier in an ordinary test: one to
 * four edits per call (a byte changed, a range deleted or duplicated, a hostile JSON token
 * inserted: unbalanced brackets, deep nesting, a lone surrogate, {@code 1e999}, an impossible
 * date). The same seed gives the same inputs, so a failure reproduces.
 *
 * <pre>{@code
 * SplittableRandom random = new SplittableRandom(42);
 * for (int i = 0; i < 3_000; i++) {
 *   byte[] input = Mutations.mutate(validJson, random);
 *   // decode it: a value or the SDK's typed exception, nothing else
 * }
 * }</pre>
 */
public final class Mutations {
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "1e999",
    "-0",
    "\"\\ud800\"",
    "[[[[[[[[[[[[[[[[[[[[",
    "true",
    "\"9999-99-99T99:99:99Z\""
  };

  private Mutations() {}

  /** A mutated copy of {@code input}; {@code input} is left as it was. */
  public static byte[] mutate(byte[] input, SplittableRandom random) {
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(random, "random == null");
    byte[] b = input.clone();
    for (int edits = 1 + random.nextInt(4); edits > 0 && b.length > 0; edits--) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(16)), new byte[0]);
        case 2 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(32));
          byte[] copy = new byte[len];
          System.arraycopy(b, at, copy, 0, len);
          b = splice(b, at, 0, copy);
        }
        default ->
            b =
                splice(
                    b,
                    at,
                    0,
                    TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return b;
  }

  /** {@code b} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
  private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
    byte[] out = new byte[b.length - removed + inserted.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(b, at + removed, out, at + inserted.length, b.length - at - removed);
    return out;
  }
}
