package ma.hirfa.sdk.payments.cmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests of the CMI ver3 hash over seeded random forms: it equals the plaintext rule of
 * docs/domain.md computed independently here, it does not depend on the order the fields come in,
 * and the escaping keeps a {@code |} or {@code \} moved from one value to the next from colliding.
 */
class CmiHashPropertyTest {
  private static final String ALPHABET = "abcXYZ |\\\\ زربية-_.=é";

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void theHashIsTheSpecifiedPlaintextHashedWhateverTheFieldOrder(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 200; round++) {
      Map<String, String> fields = randomForm(random);
      String storeKey = randomText(random, 12);

      String expected = reference(fields, storeKey);
      assertThat(CmiHash.ver3(fields, storeKey)).isEqualTo(expected);

      List<Map.Entry<String, String>> shuffled = new ArrayList<>(fields.entrySet());
      Collections.shuffle(shuffled, new java.util.Random(seed * 31 + round));
      Map<String, String> reordered = new LinkedHashMap<>();
      shuffled.forEach(e -> reordered.put(e.getKey(), e.getValue()));
      assertThat(CmiHash.ver3(reordered, storeKey)).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"|", "\\", "\\|", "|\\"})
  void aSeparatorMovedFromOneValueToTheNextChangesTheHash(String moved) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("amount", "150.00" + moved);
    a.put("oid", "ORD-1");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("amount", "150.00");
    b.put("oid", moved + "ORD-1");
    assertThat(CmiHash.ver3(a, "KEY")).isNotEqualTo(CmiHash.ver3(b, "KEY"));
  }

  /** docs/domain.md's rule, written out again independently of CmiHash. */
  private static String reference(Map<String, String> fields, String storeKey) throws Exception {
    List<String> names = new ArrayList<>(fields.keySet());
    names.sort((x, y) -> x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT)));
    StringBuilder plain = new StringBuilder();
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("hash") || lower.equals("encoding")) {
        continue;
      }
      plain.append(escape(fields.get(name).trim())).append('|');
    }
    plain.append(escape(storeKey));
    byte[] digest =
        MessageDigest.getInstance("SHA-512")
            .digest(plain.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|");
  }

  /**
   * Letters-only names (so natural and plain case-insensitive orders agree), distinct ignoring
   * case.
   */
  private static Map<String, String> randomForm(SplittableRandom random) {
    Map<String, String> form = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int n = 1 + random.nextInt(12);
    while (form.size() < n) {
      String name =
          random.nextInt(10) == 0
              ? List.of("HASH", "encoding", "Hash").get(random.nextInt(3))
              : randomName(random);
      if (seen.add(name.toLowerCase(Locale.ROOT))) {
        form.put(name, randomText(random, 20));
      }
    }
    return form;
  }

  private static String randomName(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, len = 1 + random.nextInt(10); i < len; i++) {
      char c = (char) ('a' + random.nextInt(26));
      sb.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  private static String randomText(SplittableRandom random, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, len = random.nextInt(max); i < len; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
