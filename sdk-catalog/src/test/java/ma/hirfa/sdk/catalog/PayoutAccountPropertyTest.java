package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.validation.Rib;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An artisan's payout account takes a RIB or IBAN as it is printed, in groups separated by spaces,
 * and refuses one with another separator or a wrong digit with the reason and a hint, naming the
 * field and never quoting the digits: seeded RIBs, spacings and typos.
 */
class PayoutAccountPropertyTest {
  static final long SEED = Long.getLong("params.seed", 20261129L);

  static Stream<Long> seeds() {
    SplittableRandom random = new SplittableRandom(SEED ^ 0x5EED);
    return Stream.generate(random::nextLong).limit(50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibOrIbanTypedWithSpacesIsKeptAsItsDigits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);

    assertThat(PayoutAccount.rib(withSpaces(rib, random)).rib()).isEqualTo(rib);
    assertThat(PayoutAccount.iban(withSpaces("ma64" + rib, random)).iban()).isEqualTo("MA64" + rib);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibWithAnotherSeparatorIsRefusedWithAHintAndWithoutItsDigits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);
    String sep = List.of("-", ".", "/", "_", ",").get(random.nextInt(5));
    int at = 1 + random.nextInt(rib.length() - 1);
    String typed = rib.substring(0, at) + sep + rib.substring(at);

    assertThatThrownBy(() -> PayoutAccount.rib(typed))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("payout_destination.rib");
              assertThat(e.getMessage()).contains("remove any separator other than spaces");
              assertNoDigitsOf(rib, e);
            });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibOrIbanWithOneDigitWrongIsRefusedForItsKeyWithoutItsDigits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);
    int at = random.nextInt(rib.length());
    char wrong = (char) ('0' + (rib.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
    String typo = rib.substring(0, at) + wrong + rib.substring(at + 1);

    assertThatThrownBy(() -> PayoutAccount.rib(withSpaces(typo, random)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("payout_destination.rib");
              assertThat(e.getMessage()).contains("key does not match");
              assertNoDigitsOf(typo, e);
            });
    assertThatThrownBy(() -> PayoutAccount.iban("MA64" + typo))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("payout_destination.iban");
              assertThat(e.getMessage()).contains("check digits do not match");
              assertNoDigitsOf(typo, e);
            });
  }

  private static void assertNoDigitsOf(String digits, ValidationException e) {
    for (int i = 0; i + 4 <= digits.length(); i++) {
      assertThat(e.getMessage()).doesNotContain(digits.substring(i, i + 4));
    }
  }

  static String rib(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 22; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b + Rib.key(b.toString());
  }

  /** The text with ordinary, no-break or narrow no-break spaces between some characters. */
  static String withSpaces(String s, SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && random.nextInt(4) == 0) {
        b.append(List.of(" ", "\u00a0", "\u202f").get(random.nextInt(3)));
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }
}
