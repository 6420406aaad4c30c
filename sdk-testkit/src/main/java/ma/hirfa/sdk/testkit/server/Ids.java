package ma.hirfa.sdk.testkit.server;

import java.util.SplittableRandom;

/** Prefixed ids like {@code pay_Xy7Qk2LmN8pR4t}: letters first so no long digit runs appear. */
public final class Ids {
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final SplittableRandom random;

  public Ids(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public synchronized String next(String prefix) {
    StringBuilder sb = new StringBuilder(prefix.length() + 15).append(prefix).append('_');
    for (int i = 0; i < 14; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
