package ma.hirfa.sdk.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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

  /**
   * The fast path of {@code untrustedId} (an id that needs no redaction is returned as it is)
   * answers what the full redaction answers, over 200,000 seeded ids built from the pieces that
   * trip each rule: digit runs with and without separators, key prefixes, bearer, JSON and form
   * pairs, control characters, and ids longer than the limit.
   */
  @Test
  void aRequestIdIsRedactedExactlyAsTheFullRedactionWould() {
    String[] pieces = {
      "req",
      "_",
      "-",
      ".",
      "0",
      "7",
      "12345",
      "6789",
      "A",
      "z",
      "sk_test_",
      "pk_live_",
      "whsec_",
      "whpk_",
      "wh",
      "_live_",
      " ",
      "Bearer ",
      "\"cvv\":\"",
      "pin=",
      "\u0001",
      "\u007f",
      "(",
      "+",
      "é",
      "0612",
      "34.56.78",
      "4111-1111-1111-1111",
      "x".repeat(60)
    };
    SplittableRandom random = new SplittableRandom(20261129);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder id = new StringBuilder();
      for (int k = random.nextInt(1, 12); k > 0; k--) {
        id.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = id.toString();
      assertThat(Redactor.untrustedId(value)).as(value).isEqualTo(fullRedaction(value));
    }
  }

  /** What {@code untrustedId} did before its fast path: drop controls, cut, redact. */
  private static String fullRedaction(String id) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < id.length() && sb.length() < Redactor.ID_LIMIT; i++) {
      char c = id.charAt(i);
      if (c >= 0x20 && c != 0x7F) {
        sb.append(c);
      }
    }
    return Redactor.redact(sb.toString());
  }
}
