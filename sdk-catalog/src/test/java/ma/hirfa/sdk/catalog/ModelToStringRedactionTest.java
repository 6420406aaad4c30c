package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.testkit.RecordSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R2 for models: a phone number, a card number, a RIB or an IBAN in any text field of any public
 * record of the catalog client never appears in its {@code toString()}.
 */
class ModelToStringRedactionTest {
  static final List<String> SECRETS =
      List.of(
          "call 0612345678",
          "+212 6 12 34 56 78",
          "card 4242424242424242",
          "4242 4242 4242 4242",
          "RIB 011519000001205000534921",
          "MA64011519000001205000534921");

  static List<Class<? extends Record>> records() {
    return RecordSamples.publicRecordsInPackageOf(Product.class);
  }

  @ParameterizedTest
  @MethodSource("records")
  void noTextFieldLeaksThroughToString(Class<? extends Record> type) {
    for (String secret : SECRETS) {
      for (Record r : RecordSamples.withTextInEachSlot(type, secret)) {
        String digits = secret.replaceAll("[^0-9]", "");
        String flat = r.toString().replaceAll("[ .\\-]", "");
        for (int i = 0; i + 8 <= digits.length(); i++) {
          assertThat(flat).as("%s leaks %s", r, secret).doesNotContain(digits.substring(i, i + 8));
        }
      }
    }
  }

  @Test
  void everyRecordWithTextFieldsIsProbed() {
    List<String> probed = new ArrayList<>();
    for (Class<? extends Record> type : records()) {
      if (!RecordSamples.withTextInEachSlot(type, "x").isEmpty()) {
        probed.add(type.getSimpleName());
      }
    }
    assertThat(probed)
        .contains(
            "Product",
            "ProductFields",
            "Artisan",
            "ArtisanCreateParams",
            "ArtisanUpdateParams",
            "OrderCreateParams",
            "Buyer",
            "Order",
            "Unknown")
        .hasSizeGreaterThanOrEqualTo(20);
  }
}
