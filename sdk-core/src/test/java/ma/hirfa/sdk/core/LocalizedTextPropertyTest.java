package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of {@link LocalizedText}'s fallback over seeded random texts and requests, checked
 * against the documented chain written out here independently: the requested tag, its language
 * alone, then fr, ar, en, then the first language present.
 */
class LocalizedTextPropertyTest {
  private static final String[] LANGUAGES = {"ar", "fr", "en", "es", "zgh", "ary", "de", "it"};
  private static final String[] REGIONS = {"", "MA", "FR", "US", "ES", "DZ"};
  private static final int CASES = 500;

  /** The documented chain, over a map whose keys are bare lower-case languages. */
  static String expected(Map<String, String> texts, String language) {
    if (texts.containsKey(language)) { // the tag itself, or the language of a tag with a region
      return texts.get(language);
    }
    for (String fallback : List.of("fr", "ar", "en")) {
      if (texts.containsKey(fallback)) {
        return texts.get(fallback);
      }
    }
    return texts.values().iterator().next();
  }

  static Map<String, String> randomTexts(SplittableRandom r) {
    List<String> languages = new ArrayList<>(List.of(LANGUAGES));
    Collections.shuffle(languages, new java.util.Random(r.nextLong()));
    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : languages.subList(0, r.nextInt(1, languages.size() + 1))) {
      texts.put(language, language + "-text-" + r.nextInt(1_000));
    }
    return texts;
  }

  /** The request written the ways callers write it: any case, {@code -} or {@code _}. */
  static String spelled(SplittableRandom r, String language, String region) {
    String l = r.nextInt(4) == 0 ? language.toUpperCase(Locale.ROOT) : language;
    if (region.isEmpty()) {
      return l;
    }
    String g = r.nextInt(4) == 0 ? region.toLowerCase(Locale.ROOT) : region;
    return l + (r.nextBoolean() ? "-" : "_") + g;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void resolveFollowsTheDocumentedChainForAnyTextsAndRequest(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      Map<String, String> texts = randomTexts(r);
      LocalizedText text = LocalizedText.of(texts);
      String language = LANGUAGES[r.nextInt(LANGUAGES.length)];
      String region = REGIONS[r.nextInt(REGIONS.length)];
      String request = spelled(r, language, region);

      assertThat(text.resolve(request))
          .as("%s for %s", texts, request)
          .isEqualTo(expected(texts, language));
      assertThat(
              text.resolve(
                  Locale.forLanguageTag(language + (region.isEmpty() ? "" : "-" + region))))
          .isEqualTo(expected(texts, language));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void insertionOrderMattersOnlyForTheLastResort(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      Map<String, String> texts = randomTexts(r);
      List<Map.Entry<String, String>> reversed = new ArrayList<>(texts.entrySet());
      Collections.reverse(reversed);
      Map<String, String> other = new LinkedHashMap<>();
      reversed.forEach(e -> other.put(e.getKey(), e.getValue()));
      String language = LANGUAGES[r.nextInt(LANGUAGES.length)];
      boolean lastResort =
          !texts.containsKey(language)
              && !texts.containsKey("fr")
              && !texts.containsKey("ar")
              && !texts.containsKey("en");

      assertThat(LocalizedText.of(texts)).isEqualTo(LocalizedText.of(other));
      if (!lastResort) {
        assertThat(LocalizedText.of(texts).resolve(language))
            .isEqualTo(LocalizedText.of(other).resolve(language));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void textsAreStoredInNfcSoAnyDecompositionComparesEqual(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] pieces = {"é", "è", "ï", "ç", "Ô", "ñ", "ﻻ", "أ", "إ", "آ", "ⵜ", "a", " ", "ً"};
    for (int i = 0; i < CASES; i++) {
      StringBuilder b = new StringBuilder("x");
      for (int k = r.nextInt(1, 12); k > 0; k--) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String nfc = Normalizer.normalize(b, Normalizer.Form.NFC);
      String nfd = Normalizer.normalize(b, Normalizer.Form.NFD);

      assertThat(LocalizedText.of("fr", nfd)).isEqualTo(LocalizedText.of("fr", nfc));
      assertThat(LocalizedText.of("fr", nfd).get("fr")).isEqualTo(nfc);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void anyTagEitherWorksOrIsAValidationExceptionNamingTheField(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCZ0123456789-_ !é.";
    for (int i = 0; i < CASES; i++) {
      StringBuilder tag = new StringBuilder();
      for (int k = r.nextInt(0, 14); k > 0; k--) {
        tag.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String t = tag.toString();

      Throwable thrown = catchThrowable(() -> LocalizedText.of(t, "texte"));
      if (thrown != null) {
        assertThat(thrown).as("tag '%s'", t).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).field()).startsWith("localizedText");
      } else {
        LocalizedText text = LocalizedText.of(t, "texte");
        assertThat(text.resolve("ar")).isEqualTo("texte"); // the only text is the last resort
        assertThat(text.get(t)).isEqualTo("texte");
      }
    }
  }
}
