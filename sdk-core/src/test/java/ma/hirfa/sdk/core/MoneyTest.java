package ma.hirfa.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  @ParameterizedTest
  @CsvSource({
    "150.00,MAD,15000",
    "150,MAD,15000",
    "0.5,EUR,50",
    "1234.56,USD,123456",
    "500,JPY,500",
    "1.234,TND,1234"
  })
  void parsesDecimalsWithinTheCurrencyScale(String amount, String currency, long minor) {
    assertThat(Money.parse(amount, currency).amountMinor()).isEqualTo(minor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.005", "0.001", "1e2", "1,50", " 1.00", "", "NaN", "1.5.0"})
  void refusesAmountsThatAreNotPlainDecimalsOfTheCurrencyScale(String amount) {
    assertThatThrownBy(() -> Money.parse(amount, "MAD"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mad", "XYZ", "MA", "MADD", "XXX"})
  void refusesUnknownOrMalformedCurrencies(String currency) {
    assertThatThrownBy(() -> Money.ofMinor(100, currency))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
  }

  @Test
  void addsAndSubtractsInMinorUnitsWithoutDrift() {
    Money total = Money.zero("MAD");
    for (int i = 0; i < 1000; i++) {
      total = total.plus(Money.parse("0.10", "MAD"));
    }
    assertThat(total).isEqualTo(Money.parse("100.00", "MAD"));
    assertThat(total.minus(Money.ofMinor(1, "MAD")).toString()).isEqualTo("99.99 MAD");
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.ofMinor(1, "MAD").plus(Money.ofMinor(1, "EUR")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
  }

  @Test
  void overflowIsATypedError() {
    assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "MAD").plus(Money.ofMinor(1, "MAD")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void randomSumsEqualTheSumOfMinorUnits() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int run = 0; run < 200; run++) {
      long expected = 0;
      Money sum = Money.zero("MAD");
      for (int i = 0; i < 50; i++) {
        long minor = random.nextLong(-1_000_000, 1_000_000);
        expected += minor;
        Money m = Money.ofMajor(BigDecimal.valueOf(minor, 2), "MAD");
        assertThat(m.amountMinor()).isEqualTo(minor);
        assertThat(Money.parse(m.toBigDecimal().toPlainString(), "MAD")).isEqualTo(m);
        sum = sum.plus(m);
      }
      assertThat(sum.amountMinor()).isEqualTo(expected);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "fr-MA | MAD | 1.234,50\u00a0MAD",
        "en-US | MAD | MAD1,234.50",
        "en-US | USD | $1,234.50",
        "es-ES | EUR | 1.234,50\u00a0€",
        "fr-MA | EUR | 1.234,50\u00a0€"
      })
  void formatsWithCldrForTheLocale(String tag, String currency, String expected) {
    assertThat(Money.parse("1234.50", currency).format(java.util.Locale.forLanguageTag(tag)))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void formatsForArabicMoroccoWithTheArabicDirhamSign() {
    String s = Money.parse("1234.50", "MAD").format(java.util.Locale.forLanguageTag("ar-MA"));
    // The sign's side and bidi marks moved between the CLDR of JDK 17 and 25; the digits did not.
    assertThat(s).contains("1.234,50").contains("د.م.");
  }

  @Test
  void anAmountFromTheWireKeepsACurrencyThisRuntimeDoesNotKnow() {
    Money m = Money.fromWire(12_345, "QZX");

    assertThat(m.amountMinor()).isEqualTo(12_345);
    assertThat(m.currencyCode()).isEqualTo("QZX");
    assertThat(m.currency()).isEmpty();
    assertThat(m.toString()).isEqualTo("12345 minor units of QZX");
    assertThat(m.plus(Money.fromWire(5, "QZX"))).isEqualTo(Money.fromWire(12_350, "QZX"));
  }

  @Test
  void whatNeedsTheDecimalsOfAnUnknownCurrencyIsRefusedNamingTheCurrency() {
    Money m = Money.fromWire(12_345, "QZX");

    assertThatThrownBy(m::toBigDecimal)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    assertThatThrownBy(() -> m.format(java.util.Locale.FRANCE))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
  }

  @Test
  void anAmountFromTheWireInAKnownCurrencyEqualsTheSameAmountBuiltByHand() {
    assertThat(Money.fromWire(15_000, "MAD")).isEqualTo(Money.ofMinor(15_000, "MAD"));
    assertThat(Money.fromWire(500, "JPY")).isEqualTo(Money.ofMinor(500, "JPY"));
    assertThat(Money.fromWire(15_000, "MAD").currency())
        .hasValue(java.util.Currency.getInstance("MAD"));
  }

  /** The contract allows any three capitals; anything else breaks it and is refused. */
  @ParameterizedTest
  @ValueSource(strings = {"mad", "MA", "MADD", "", "M4D"})
  void anAmountFromTheWireRefusesACodeThatIsNotThreeCapitals(String code) {
    assertThatThrownBy(() -> Money.fromWire(1, code))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
  }

  @Test
  void amountsInDifferentUnknownCurrenciesDoNotCombine() {
    assertThatThrownBy(() -> Money.fromWire(1, "QZX").plus(Money.fromWire(1, "QZY")))
        .isInstanceOf(ValidationException.class);
  }
}
