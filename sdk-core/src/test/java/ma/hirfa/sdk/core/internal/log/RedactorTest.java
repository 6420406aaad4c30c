package ma.hirfa.sdk.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Authorization: Bearer sk_live_" + "abcdefgh12345678|Authorization: Bearer [REDACTED]",
        "key sk_test_abcdefgh12345678 used|key sk_test_[REDACTED] used",
        "secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZI=|secret whsec_[REDACTED]",
        "card 4111 1111 1111 1111 ok|card ************1111 ok",
        "card 5555-5555-5555-4444|card ************4444",
        "rib 011519000001205000534921|rib [REDACTED]",
        "iban MA64011519000001205000534921|iban MA[REDACTED]",
        "phone +212612345678|phone [REDACTED]",
        "phone 06.12.34.56.78|phone [REDACTED]",
        "{\"cvv\":\"737\"}|{\"cvv\":\"[REDACTED]\"}",
        "cvc=123&x=1|cvc=[REDACTED]&x=1",
        "amount 15000 MAD, order ORD-0001|amount 15000 MAD, order ORD-0001",
        "phone (06) 12 34 56 78|phone [REDACTED]",
        "total 12500000.00 MAD|total 12500000.00 MAD",
      })
  void masksSecretsAndPersonalNumbers(String input, String expected) {
    assertThat(Redactor.redact(input)).isEqualTo(expected);
  }
}
