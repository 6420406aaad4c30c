package ma.hirfa.sdk.payments.cmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import ma.hirfa.sdk.core.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded genuine callbacks for a dozen orders (several of the same amount, some paid after
 * declines, some never paid, buyers typing other orders' ids as their name), each delivered several
 * times reshaped: padded, names in another case, values entity-encoded, relabelled names (every
 * renaming that keeps the hashed order of the values, so the hash still verifies), a second {@code
 * oid}, a malformed reference. Whatever the mix and order: {@code onPaid} runs exactly once for
 * each order that was really paid, with its exact id, never for another order, and {@code handle}
 * never throws.
 */
class CmiCallbackPropertyTest {
  private static final List<String> AMOUNTS = List.of("150.00", "150.00", "99.90");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void eachRealOrderIsPaidExactlyOnceWhateverTheReshaping(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < ROUNDS; round++) {
      oneDay(seed + "-" + round, random);
    }
  }

  /** About 3,000 attacker copies in all, a third of them targeted renamings. */
  private static final int ROUNDS = 30;

  private static void oneDay(String day, SplittableRandom random) {
    List<String> orders = new ArrayList<>();
    Map<String, Money> amounts = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      String oid = "ORD-" + day + "-" + i;
      orders.add(oid);
      amounts.put(oid, Money.parse(AMOUNTS.get(random.nextInt(AMOUNTS.size())), "MAD"));
    }
    Set<String> reallyPaid = new LinkedHashSet<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (String oid : orders) {
      int declines = random.nextInt(3);
      boolean pays = random.nextInt(3) > 0;
      for (int d = 0; d < declines + (pays ? 1 : 0); d++) {
        String code = d < declines ? List.of("05", "51", "99").get(random.nextInt(3)) : "00";
        Map<String, String> genuine = genuine(oid, amounts.get(oid), code, orders, random);
        // The gateway's own delivery, reshaped only as transports and encoders do...
        deliveries.add(new Delivery(oid, reshape(genuine, orders, random, random.nextInt(4))));
        // ...a repeat, and an attacker's copies (a targeted renaming more often than not).
        deliveries.add(new Delivery(oid, reshape(genuine, orders, random, random.nextInt(4))));
        for (int copies = random.nextInt(4); copies > 0; copies--) {
          int kind = random.nextBoolean() ? 6 : 4 + random.nextInt(4);
          deliveries.add(new Delivery(oid, reshape(genuine, orders, random, kind)));
        }
      }
      if (pays) {
        reallyPaid.add(oid);
      }
    }
    Collections.shuffle(deliveries, new Random(random.nextLong()));

    CmiCallback callback = CmiCallback.builder(Callbacks.STORE_KEY).autoCapture(true).build();
    List<String> paid = new ArrayList<>();
    for (Delivery d : deliveries) {
      callback.handle(
          d.posted(),
          amounts::get,
          oid -> {
            assertThat(oid).as("paid from a callback of %s", d.order()).isEqualTo(d.order());
            paid.add(oid);
          });
    }

    assertThat(paid).containsExactlyInAnyOrderElementsOf(reallyPaid);
  }

  record Delivery(String order, Map<String, String> posted) {}

  /** A genuine callback, its free-text and gateway fields sometimes holding other orders' ids. */
  private static Map<String, String> genuine(
      String oid, Money amount, String code, List<String> orders, SplittableRandom random) {
    String other = orders.get(random.nextInt(orders.size()));
    String billTo = random.nextBoolean() ? other : "Fatima Zahra";
    String email = random.nextBoolean() ? "buyer@example.com" : other + "@example.com";
    Map<String, String> results = new LinkedHashMap<>();
    results.put("Response", code.equals("00") ? "Approved" : "Declined");
    results.put("ReturnOid", oid);
    for (String name : List.of("AuthCode", "TransId", "ErrMsg", "mdStatus", "eci", "xid")) {
      if (random.nextBoolean()) {
        results.put(name, random.nextBoolean() ? other : "00");
      }
    }
    for (String name : List.of("PAResSyntaxOK", "PAResVerified", "protocol", "maskedCreditCard")) {
      if (random.nextBoolean()) {
        results.put(name, name.equals("protocol") ? "3DS2" : "true");
      }
    }
    return Callbacks.genuine(
        Callbacks.form(oid, amount.toBigDecimal().toPlainString(), billTo, email), code, results);
  }

  private static Map<String, String> reshape(
      Map<String, String> genuine, List<String> orders, SplittableRandom random, int kind) {
    Map<String, String> out = new LinkedHashMap<>();
    switch (kind) {
      case 0 -> out.putAll(genuine);
      case 1 -> genuine.forEach((k, v) -> out.put(k, random.nextBoolean() ? pad(v, random) : v));
      case 2 -> genuine.forEach((k, v) -> out.put(recase(k, random), v));
      case 3 -> genuine.forEach((k, v) -> out.put(k, k.equals("HASH") ? v : encode(v, random)));
      case 4 -> out.putAll(relabel(genuine, random));
      case 5 -> {
        out.putAll(genuine);
        out.put(random.nextBoolean() ? "OID" : "Oid", orders.get(random.nextInt(orders.size())));
      }
      case 6 -> out.putAll(shift(genuine, random));
      default -> {
        out.putAll(genuine);
        out.put(
            "BillToName",
            "x " + List.of("&#x110000;", "&#xDC00;", "&#1e9;").get(random.nextInt(3)));
      }
    }
    return out;
  }

  /**
   * A renaming that keeps the order of the hashed values, so the HASH still matches: a new set of
   * as many names, sorted, each over the value that was at its position. Mostly the expected names
   * with a different choice of optional ones (the hard case); sometimes any names at all.
   */
  private static Map<String, String> relabel(Map<String, String> genuine, SplittableRandom random) {
    List<String> names = new ArrayList<>(genuine.keySet());
    names.removeIf(n -> n.equals("HASH") || n.equals("encoding"));
    names.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    List<String> pool = new ArrayList<>(CmiFields.OPTIONAL);
    pool.remove("encoding");
    for (int i = 0; i < 6; i++) {
      pool.add(junk(random));
    }
    pool.add("oidx");
    pool.add("Amount");
    Set<String> chosen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (random.nextInt(4) > 0) {
      chosen.addAll(CmiFields.FORM);
      chosen.add("ProcReturnCode");
    }
    while (chosen.size() < names.size()) {
      chosen.add(pool.get(random.nextInt(pool.size())));
    }
    List<String> renamed = new ArrayList<>(chosen);
    while (renamed.size() > names.size()) {
      renamed.remove(random.nextInt(renamed.size()));
    }
    renamed.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(renamed.get(i), genuine.get(names.get(i)));
    }
    out.put("encoding", genuine.get("encoding"));
    out.put("HASH", genuine.get("HASH"));
    return out;
  }

  /**
   * The targeted renaming: move one of the decisive names ({@code oid}, {@code amount}, {@code
   * ProcReturnCode}) by 1 to 3 places, by renaming as many fields from one side of it to allowed
   * names on the other side, so that it sits over a neighbour's value.
   */
  private static Map<String, String> shift(Map<String, String> genuine, SplittableRandom random) {
    List<String> names = new ArrayList<>(genuine.keySet());
    names.removeIf(n -> n.equals("HASH") || n.equals("encoding"));
    names.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    String pivot = List.of("oid", "amount", "ProcReturnCode").get(random.nextInt(3));
    boolean left = random.nextBoolean(); // move the pivot left: names below it go above
    // Only optional names are worth renaming (a missing required name is refused anyway), and
    // the nearest names on the other side keep the other decisive fields where they were.
    List<String> candidates = new ArrayList<>();
    for (String n : names) {
      int c = CmiHash.NATURAL_CASE_INSENSITIVE.compare(n, pivot);
      if ((left ? c < 0 : c > 0) && CmiFields.OPTIONAL.contains(n)) {
        candidates.add(n);
      }
    }
    List<String> replacements = new ArrayList<>();
    for (String n : CmiFields.OPTIONAL) {
      int c = CmiHash.NATURAL_CASE_INSENSITIVE.compare(n, pivot);
      boolean otherSide = left ? c > 0 : c < 0;
      if (otherSide && !n.equals("encoding") && names.stream().noneMatch(n::equalsIgnoreCase)) {
        replacements.add(n);
      }
    }
    replacements.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    if (!left) {
      Collections.reverse(replacements);
    }
    Collections.shuffle(candidates, new Random(random.nextLong()));
    int k = Math.min(1 + random.nextInt(3), Math.min(candidates.size(), replacements.size()));
    Set<String> renamed = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    renamed.addAll(names);
    for (int i = 0; i < k; i++) {
      renamed.remove(candidates.get(i));
      renamed.add(replacements.get(i));
    }
    List<String> sorted = new ArrayList<>(renamed);
    sorted.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(sorted.get(i), genuine.get(names.get(i)));
    }
    out.put("encoding", genuine.get("encoding"));
    out.put("HASH", genuine.get("HASH"));
    return out;
  }

  private static String junk(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 2 + random.nextInt(8); i < n; i++) {
      char c = (char) ('a' + random.nextInt(26));
      sb.append(random.nextBoolean() ? c : Character.toUpperCase(c));
    }
    return sb.toString();
  }

  private static String pad(String v, SplittableRandom random) {
    String[] spaces = {" ", "  ", "\t", "\n", " \t "};
    return spaces[random.nextInt(spaces.length)] + v + spaces[random.nextInt(spaces.length)];
  }

  private static String recase(String name, SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> name.toLowerCase(Locale.ROOT);
      default -> name;
    };
  }

  /** Some characters as numeric references, {@code &} always as {@code &amp;}. */
  private static String encode(String v, SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    v.codePoints()
        .forEach(
            c -> {
              if (c == '&') {
                sb.append("&amp;");
              } else if (random.nextInt(4) == 0) {
                sb.append(
                    random.nextBoolean() ? "&#" + c + ";" : "&#x" + Integer.toHexString(c) + ";");
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }
}
