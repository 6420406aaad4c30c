package ma.hirfa.sdk.payments.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import ma.hirfa.sdk.core.validation.Iban;
import ma.hirfa.sdk.core.validation.Ice;
import ma.hirfa.sdk.core.validation.Rib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  private static final String RIB = "011519000001205000534921";
  private static final String RIB2 = "360815000001793222001617";
  private static final String IBAN = "MA64011519000001205000534921";
  private static final String ICE = "001561191000066";

  @Test
  void knownValidIdentifiersPass() {
    assertThat(Rib.isValid(RIB)).isTrue();
    assertThat(Rib.isValid(RIB2)).isTrue();
    assertThat(Iban.isValid(IBAN)).isTrue();
    assertThat(Ice.isValid(ICE)).isTrue();
  }

  @Test
  void knownInvalidIdentifiersFail() {
    assertThat(Iban.isValid("MA65011519000001205000534921")).isFalse();
    assertThat(Ice.isValid("001561191000065")).isFalse();
    assertThat(Rib.isValid(null)).isFalse();
    assertThat(Rib.isValid("0115 1900 0001 2050 0053 4921")).isFalse();
    assertThat(Iban.isValid("ma64011519000001205000534921")).isFalse();
  }

  @Test
  void everyOneDigitChangeIsCaught() {
    for (String valid : new String[] {RIB, RIB2, IBAN, ICE}) {
      for (int i = 0; i < valid.length(); i++) {
        char c = valid.charAt(i);
        if (!Character.isDigit(c)) {
          continue;
        }
        for (char d = '0'; d <= '9'; d++) {
          if (d == c) {
            continue;
          }
          String changed = valid.substring(0, i) + d + valid.substring(i + 1);
          boolean accepted =
              valid.length() == 24
                  ? Rib.isValid(changed)
                  : valid.length() == 28 ? Iban.isValid(changed) : Ice.isValid(changed);
          assertThat(accepted).as(changed).isFalse();
        }
      }
    }
  }

  @Test
  void everyRibKeyComputedFromRandomDigitsValidatesAndItsIbanHasCheckDigits64() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int n = 0; n < 1_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 22; i++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      String rib = sb + Rib.key(sb.toString());
      assertThat(Rib.isValid(rib)).as(rib).isTrue();
      String iban = Iban.fromRib(rib);
      assertThat(iban).startsWith("MA64");
      assertThat(Iban.isValid(iban)).isTrue();
      assertThat(Iban.toRib(iban)).isEqualTo(rib);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0612345678", "+212612345678", "06 12 34 56 78", "00212612345678", "0712345678"})
  void moroccanMobilesNormaliseToE164(String phone) {
    assertThat(MoroccanPhone.isMobile(phone)).isTrue();
    assertThat(MoroccanPhone.toE164(phone)).get().asString().startsWith("+212").hasSize(13);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "061234567", "+33612345678", "hello", "0522123456"})
  void otherNumbersAreNotMoroccanMobiles(String phone) {
    assertThat(MoroccanPhone.isMobile(phone)).isFalse();
  }
}
