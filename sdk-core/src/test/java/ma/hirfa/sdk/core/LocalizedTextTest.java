package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {
  private static final LocalizedText RUG =
      LocalizedText.builder()
          .put("ar", "زربية أمازيغية")
          .put("fr", "Tapis amazigh")
          .put("en", "Amazigh rug")
          .put("zgh", "ⵜⴰⴳⵍⵉⵎⵜ")
          .build();

  @Test
  void resolvesTheRequestedLanguage() {
    assertThat(RUG.resolve("ar")).isEqualTo("زربية أمازيغية");
    assertThat(RUG.resolve(Locale.ENGLISH)).isEqualTo("Amazigh rug");
    assertThat(RUG.resolve("zgh")).isEqualTo("ⵜⴰⴳⵍⵉⵎⵜ");
  }

  @Test
  void fallsBackFromARegionToItsLanguage() {
    assertThat(RUG.resolve("fr-MA")).isEqualTo("Tapis amazigh");
    assertThat(RUG.resolve(Locale.forLanguageTag("en-US"))).isEqualTo("Amazigh rug");
  }

  @Test
  void fallsBackToFrenchThenArabicThenEnglish() {
    assertThat(RUG.resolve("es")).isEqualTo("Tapis amazigh");
    assertThat(LocalizedText.of(Map.of("ar", "ب", "en", "b")).resolve("es")).isEqualTo("ب");
    assertThat(LocalizedText.of(Map.of("en", "b", "es", "c")).resolve("de")).isEqualTo("b");
    assertThat(LocalizedText.of("es", "alfombra").resolve("de")).isEqualTo("alfombra");
  }

  @Test
  void normalisesToNfc() {
    String decomposed = Normalizer.normalize("Théière", Normalizer.Form.NFD);
    LocalizedText t = LocalizedText.of("fr", decomposed);

    assertThat(t.get("fr")).isEqualTo("Théière").isNotEqualTo(decomposed);
  }

  @Test
  void refusesBadTagsBlankTextsAndEmptyMaps() {
    assertThatThrownBy(() -> LocalizedText.of("not a tag!", "x"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> LocalizedText.of("fr", "  "))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("localizedText.fr"));
    assertThatThrownBy(() -> LocalizedText.of(Map.of())).isInstanceOf(ValidationException.class);
  }

  @Test
  void saysWhetherArabicOrFrenchIsPresent() {
    assertThat(RUG.hasArabicOrFrench()).isTrue();
    assertThat(LocalizedText.of("en", "rug").hasArabicOrFrench()).isFalse();
  }

  @Test
  void textFromTheWireKeepsAMalformedKeyAsSentBesideTheCanonicalOnes() {
    LocalizedText t = LocalizedText.fromWire(Map.of("FR", "Tapis", "not a tag!", "x"));

    assertThat(t.get("fr")).isEqualTo("Tapis");
    assertThat(t.asMap()).containsEntry("not a tag!", "x");
    assertThat(t.resolve(Locale.forLanguageTag("es"))).isEqualTo("Tapis");
  }

  @Test
  void textFromTheWireKeepsABlankTextAndRefusesOnlyAnEmptyObject() {
    assertThat(LocalizedText.fromWire(Map.of("fr", " ")).get("fr")).isEqualTo(" ");
    assertThatThrownBy(() -> LocalizedText.fromWire(Map.of()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void textBuiltByHandStillRefusesAMalformedKey() {
    assertThatThrownBy(() -> LocalizedText.of("not a tag!", "x"))
        .isInstanceOf(ValidationException.class);
  }
}
