package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.payments.cmi.CmiCallback;
import ma.hirfa.sdk.testkit.RecordSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R2 for models: a phone number, a card number, a RIB or an IBAN in any text field of any public
 * record of the payments client (params, models, events, reports, the CMI result) never appears in
 * its {@code toString()}: every one goes through the redaction rules.
 */
class ModelToStringRedactionTest {
  /** What a caller or a server may put in a description, metadata, a name or a message. */
  static final List<String> SECRETS =
      List.of(
          "call 0612345678",
          "+212 6 12 34 56 78",
          "card 4242424242424242",
          "4242 4242 4242 4242",
          "RIB 011519000001205000534921",
          "MA64011519000001205000534921");

  static List<Class<? extends Record>> records() {
    List<Class<? extends Record>> all =
        new ArrayList<>(RecordSamples.publicRecordsInPackageOf(Payment.class));
    all.addAll(RecordSamples.publicRecordsInPackageOf(CmiCallback.class));
    return all;
  }

  @ParameterizedTest
  @MethodSource("records")
  void noTextFieldLeaksThroughToString(Class<? extends Record> type) {
    for (String secret : SECRETS) {
      for (Record r : RecordSamples.withTextInEachSlot(type, secret)) {
        assertNoLeak(r.toString(), secret);
      }
    }
  }

  /**
   * The probe reaches every record that can hold free text (RefundCreateParams and the card and
   * wallet inputs refuse anything but their own formats, so there is nothing to leak).
   */
  @org.junit.jupiter.api.Test
  void everyRecordWithTextFieldsIsProbed() {
    List<String> probed = new ArrayList<>();
    for (Class<? extends Record> type : records()) {
      if (!RecordSamples.withTextInEachSlot(type, "x").isEmpty()) {
        probed.add(type.getSimpleName());
      }
    }
    assertThat(probed)
        .contains(
            "Payment",
            "PaymentCreateParams",
            "PayoutCreateParams",
            "Refund",
            "Payout",
            "SettlementLine",
            "Unknown",
            "Mismatch",
            "Result")
        .hasSizeGreaterThanOrEqualTo(25);
  }

  /** No run of 8 of the secret's digits survives, separators ignored; a card's last 4 may. */
  static void assertNoLeak(String text, String secret) {
    String digits = secret.replaceAll("[^0-9]", "");
    String flat = text.replaceAll("[ .\\-]", "");
    for (int i = 0; i + 8 <= digits.length(); i++) {
      assertThat(flat).as("%s leaks %s", text, secret).doesNotContain(digits.substring(i, i + 8));
    }
  }
}
