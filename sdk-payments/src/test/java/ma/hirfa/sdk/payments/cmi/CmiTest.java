package ma.hirfa.sdk.payments.cmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import org.junit.jupiter.api.Test;

class CmiTest {
  private static final String STORE_KEY = "TEST|KEY\\1";

  /** The self-consistency vector of docs/domain.md. */
  private static Map<String, String> domainVector() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("clientid", "600000000");
    f.put("amount", "150.00");
    f.put("okUrl", "https://shop.example/ok");
    f.put("failUrl", "https://shop.example/fail");
    f.put("TranType", "PreAuth");
    f.put("callbackUrl", "https://shop.example/cb");
    f.put("shopurl", "https://shop.example");
    f.put("currency", "504");
    f.put("rnd", "1700000000000");
    f.put("storetype", "3D_PAY_HOSTING");
    f.put("hashAlgorithm", "ver3");
    f.put("lang", "fr");
    f.put("BillToName", "Fatima Zahra");
    f.put("email", "buyer@example.com");
    f.put("oid", "ORD-0001");
    f.put("encoding", "UTF-8");
    return f;
  }

  @Test
  void theDomainVectorReproduces() {
    assertThat(CmiHash.ver3(domainVector(), STORE_KEY))
        .isEqualTo(
            "LOcAY3aqEHD+iduz1U3jlcQ8/+O8Yzl6895jBJ2q1SEGdMetqO9cuklRQoArIEYZlogTTBuBwHCjFV2oDoHjAA==");
  }

  @Test
  void namesSortNaturallyAndCaseInsensitively() {
    List<String> names =
        new ArrayList<>(List.of("field10", "Field2", "amount", "BillToName", "field1"));
    names.sort(CmiHash.NATURAL_CASE_INSENSITIVE);

    assertThat(names).containsExactly("amount", "BillToName", "field1", "Field2", "field10");
  }

  @Test
  void pipesAndBackslashesAreEscapedAndHashAndEncodingSkipped() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("b", " x|y\\z ");
    f.put("a", "1");
    f.put("HASH", "ignored");
    f.put("Encoding", "ignored");

    assertThat(CmiHash.plaintext(f, "k|ey")).isEqualTo("1|x\\|y\\\\z|k\\|ey");
  }

  @Test
  void theFormCarriesEveryFieldAndAVerifiableHash() {
    Map<String, String> form =
        CmiPaymentForm.builder()
            .clientId("600000000")
            .amount(Money.parse("150", "MAD"))
            .orderId("ORD-0001")
            .okUrl("https://shop.example/ok")
            .failUrl("https://shop.example/fail")
            .shopUrl("https://shop.example")
            .callbackUrl("https://shop.example/cb")
            .language(Locale.forLanguageTag("fr"))
            .email("buyer@example.com")
            .billToName("Fatima Zahra")
            .random("1700000000000")
            .build(STORE_KEY);

    assertThat(form.get("amount")).isEqualTo("150.00");
    assertThat(form.get("HASH")).isEqualTo(CmiHash.ver3(domainVector(), STORE_KEY));
  }

  @Test
  void spanishAndTamazightFallBackToFrench() {
    assertThat(CmiPaymentForm.cmiLanguage(Locale.forLanguageTag("es"))).isEqualTo("fr");
    assertThat(CmiPaymentForm.cmiLanguage(Locale.forLanguageTag("zgh"))).isEqualTo("fr");
    assertThat(CmiPaymentForm.cmiLanguage(Locale.forLanguageTag("ar-MA"))).isEqualTo("ar");
  }

  @Test
  void theFormRefusesPlainHttpAndOtherCurrencies() {
    assertThatThrownBy(
            () ->
                CmiPaymentForm.builder()
                    .clientId("1")
                    .amount(Money.parse("1.00", "EUR"))
                    .build(STORE_KEY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount.currency"));
    assertThatThrownBy(
            () ->
                CmiPaymentForm.builder()
                    .clientId("1")
                    .amount(Money.parse("1.00", "MAD"))
                    .orderId("o")
                    .okUrl("http://x.example")
                    .build(STORE_KEY))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("okUrl"));
  }
}
