package ma.hirfa.sdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.LocalizedText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same request is the same bytes in every JVM: a map's members are written in the order of
 * their names, whatever order the caller's map iterates in ({@code Map.of} changes it from one run
 * to the next), at any depth, inside a record and inside a localized text.
 */
class SortedMapsTest {
  record Params(String orderRef, Map<String, String> metadata, LocalizedText title) {}

  private final Json json = new Json();

  static Stream<Long> seeds() {
    return IntStream.range(0, 100).mapToObj(i -> 0x5EED_0000L + i);
  }

  /** The same entries in an order drawn from {@code random}. */
  private static <V> Map<String, V> shuffled(Map<String, V> entries, Random random) {
    List<String> names = new ArrayList<>(entries.keySet());
    Collections.shuffle(names, random);
    Map<String, V> out = new LinkedHashMap<>();
    names.forEach(n -> out.put(n, entries.get(n)));
    return out;
  }

  private String encode(Object value) {
    return new String(json.encode(value), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aBodyMapIsWrittenInTheOrderOfItsNamesWhateverOrderItIteratesIn(long seed) {
    Random random = new Random(seed);
    Map<String, Object> nested = shuffled(Map.of("zone", "casa", "atelier", "fes", "m", 3), random);
    Map<String, Object> body =
        shuffled(Map.of("status", "shipped", "tracking_number", "TRK1", "b", nested), random);

    assertThat(encode(body))
        .isEqualTo(
            "{\"b\":{\"atelier\":\"fes\",\"m\":3,\"zone\":\"casa\"},"
                + "\"status\":\"shipped\",\"tracking_number\":\"TRK1\"}");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRecordsMapAndLocalizedTextAreWrittenInTheOrderOfTheirNames(long seed) {
    Random random = new Random(seed);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String k : List.of("shop", "cart", "zip", "agent", "ref", "lang")) {
      metadata.put(k, k.toUpperCase(java.util.Locale.ROOT));
    }
    Params params =
        new Params(
            "ORD-1",
            shuffled(metadata, random),
            LocalizedText.of(shuffled(Map.of("fr", "Tapis", "ar", "زربية", "en", "Rug"), random)));

    assertThat(encode(params))
        .isEqualTo(
            "{\"order_ref\":\"ORD-1\",\"metadata\":{\"agent\":\"AGENT\",\"cart\":\"CART\","
                + "\"lang\":\"LANG\",\"ref\":\"REF\",\"shop\":\"SHOP\",\"zip\":\"ZIP\"},"
                + "\"title\":{\"ar\":\"زربية\",\"en\":\"Rug\",\"fr\":\"Tapis\"}}");
  }
}
