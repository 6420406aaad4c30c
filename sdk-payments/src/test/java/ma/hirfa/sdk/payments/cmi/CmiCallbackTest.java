package ma.hirfa.sdk.payments.cmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.webhooks.ProcessedEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CMI callback: each bug of issue 14 reproduced, and the answers docs/domain.md asks for. */
class CmiCallbackTest {
  private static final String KEY = Callbacks.STORE_KEY;
  private static final Function<String, @Nullable Money> AMOUNTS =
      oid -> oid.startsWith("ORD-") ? Money.parse("150.00", "MAD") : null;

  private final CmiCallback callback = CmiCallback.builder(KEY).autoCapture(true).build();
  private final List<String> paid = new ArrayList<>();

  private CmiCallback.Result handle(Map<String, String> posted) {
    return callback.handle(posted, AMOUNTS, paid::add);
  }

  @Test
  void aPaidCallbackCallsOnPaidOnceAndAnswersEveryRepeatTheSame() {
    Map<String, String> declined =
        Callbacks.genuine(
            Callbacks.form("ORD-0001", "150.00", "Fatima Zahra", "buyer@example.com"),
            "05",
            Map.of("Response", "Declined"));

    CmiCallback.Result refused = handle(declined);
    CmiCallback.Result first = handle(Callbacks.paid("ORD-0001", "150.00"));
    CmiCallback.Result again = handle(Callbacks.paid("ORD-0001", "150.00"));

    assertThat(refused.answer()).isEqualTo("APPROVED");
    assertThat(refused.paid()).isFalse();
    assertThat(first.answer()).isEqualTo("ACTION=POSTAUTH");
    assertThat(first.firstPayment()).isTrue();
    // A repeat means the gateway did not get the first answer: it must still capture.
    assertThat(again.answer()).isEqualTo("ACTION=POSTAUTH");
    assertThat(again.firstPayment()).isFalse();
    assertThat(paid).containsExactly("ORD-0001");
  }

  @Test
  void withoutAutoCaptureAPaymentIsApproved() {
    CmiCallback.Result r =
        new CmiCallback(KEY, false)
            .handle(Callbacks.paid("ORD-0001", "150.00"), AMOUNTS, paid::add);

    assertThat(r.answer()).isEqualTo("APPROVED");
    assertThat(r.paid()).isTrue();
  }

  @Test
  void aFailingOnPaidLeavesTheOrderUnpaidSoTheGatewaysRepeatPaysIt() {
    Map<String, String> posted = Callbacks.paid("ORD-0001", "150.00");

    assertThatThrownBy(
            () ->
                callback.handle(
                    posted,
                    AMOUNTS,
                    oid -> {
                      throw new IllegalStateException("orders database down");
                    }))
        .hasMessage("orders database down");
    CmiCallback.Result repeat = handle(posted);

    assertThat(repeat.answer()).isEqualTo("ACTION=POSTAUTH");
    assertThat(repeat.firstPayment()).isTrue();
    assertThat(paid).containsExactly("ORD-0001");
  }

  @Test
  void paddedOrderIdsPayTheTrimmedOrderOnce() {
    for (String padded :
        List.of("ORD-0001", " ORD-0001", "ORD-0001 ", "\tORD-0001", "  ORD-0001\n")) {
      Map<String, String> posted = Callbacks.paid("ORD-0001", "150.00");
      posted.put("oid", padded); // the hash trims values: it still verifies
      assertThat(handle(posted).paid()).as("oid '%s'", padded).isTrue();
    }

    assertThat(paid).containsExactly("ORD-0001");
  }

  /**
   * The attack of issue 14: a genuine callback for ORD-A, whose buyer typed ORD-B as their name,
   * relabelled without the store key so that ORD-B's id sits under "oid" and every other value
   * keeps its place in the hashed order. It verified before names were checked.
   */
  @Test
  void aCallbackRelabelledToPayAnotherOrderOfTheSameAmountIsRefused() {
    Map<String, String> genuine =
        Callbacks.genuine(
            Callbacks.form("ORD-A", "150.00", "ORD-B", "buyer@example.com"),
            "00",
            Map.of("Response", "Approved"));
    List<String> names = new ArrayList<>(genuine.keySet());
    names.removeIf(n -> n.equals("HASH") || n.equals("encoding"));
    names.sort(CmiHash.NATURAL_CASE_INSENSITIVE);
    Map<String, String> relabelled = new LinkedHashMap<>();
    int procReturnCode = names.indexOf("ProcReturnCode");
    for (int i = 0; i < names.size(); i++) {
      String value = genuine.get(names.get(i));
      String name =
          i == 0
              ? "amount"
              : i == 1
                  ? "oid" // BillToName's value, ORD-B
                  : i < procReturnCode
                      ? "pa" + (char) ('a' + i)
                      : i == procReturnCode ? "ProcReturnCode" : "z" + (char) ('a' + i);
      relabelled.put(name, value);
    }
    relabelled.put("HASH", genuine.get("HASH"));
    assertThat(Callbacks.hash(relabelled)).isEqualTo(genuine.get("HASH")); // it still verifies

    CmiCallback.Result r = handle(relabelled);

    assertThat(r.answer()).isEqualTo("FAILURE");
    assertThat(r.reason()).startsWith("unexpected field");
    assertThat(paid).isEmpty();
  }

  @Test
  void aSecondOidInAnotherCaseIsRefused() {
    Map<String, String> posted = Callbacks.paid("ORD-0001", "150.00");
    posted.put("OID", "ORD-0002");

    CmiCallback.Result r = handle(posted);

    assertThat(r.answer()).isEqualTo("FAILURE");
    assertThat(r.reason()).isEqualTo("field oid appears twice");
    assertThat(paid).isEmpty();
  }

  @Test
  void aMissingFormFieldIsRefused() {
    Map<String, String> posted = Callbacks.paid("ORD-0001", "150.00");
    posted.remove("shopurl");
    posted.put("HASH", Callbacks.hash(posted));

    assertThat(handle(posted).reason()).isEqualTo("missing field shopurl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"&#x110000;", "&#xD800;", "&#99999999999;", "&#;", "&#x;", "&#12ab;"})
  void aMalformedCharacterReferenceIsAFailureNeverAnException(String reference) {
    Map<String, String> posted = Callbacks.paid("ORD-0001", "150.00");
    posted.put("BillToName", "Fatima " + reference);

    CmiCallback.Result r = handle(posted);

    assertThat(r.answer()).isEqualTo("FAILURE");
    assertThat(r.reason()).isEqualTo("malformed character reference in field BillToName");
  }

  @Test
  void entitiesAreDecodedBeforeTheHash() {
    Map<String, String> form =
        Callbacks.form("ORD-0001", "150.00", "Fatima & Zahra <زربية>", "buyer@example.com");
    Map<String, String> posted = Callbacks.genuine(form, "00", Map.of());
    posted.put("BillToName", "Fatima &amp; Zahra &lt;&#x632;&#1585;&#x628;&#x64A;&#x629;&gt;");

    assertThat(handle(posted).paid()).isTrue();
  }

  @Test
  void aForgedHashAWrongAmountOrAnUnknownOrderIsAFailure() {
    Map<String, String> forged = Callbacks.paid("ORD-0001", "150.00");
    forged.put("HASH", forged.get("HASH").replace('A', 'B'));
    Map<String, String> cheaper = Callbacks.paid("ORD-0001", "1.50");
    Map<String, String> unknown = Callbacks.paid("XYZ-1", "150.00");

    assertThat(handle(forged).reason()).isEqualTo("hash mismatch");
    assertThat(handle(cheaper).reason()).isEqualTo("amount does not match the order");
    assertThat(handle(unknown).reason()).isEqualTo("unknown order");
    assertThat(paid).isEmpty();
  }

  @Test
  void aFixedFieldWithAnotherValueIsRefusedEvenWithAGoodHash() {
    Map<String, String> form =
        Callbacks.form("ORD-0001", "150.00", "Fatima Zahra", "buyer@example.com");
    form.put("currency", "978");

    CmiCallback.Result r = handle(Callbacks.genuine(form, "00", Map.of()));

    assertThat(r.answer()).isEqualTo("FAILURE");
    assertThat(r.reason()).contains("currency");
  }

  @Test
  void twoInstancesSharingAStorePayAnOrderOnce() {
    ProcessedEvents shared =
        ProcessedEvents.inMemory(100, Duration.ofHours(1), java.time.Clock.systemUTC());
    CmiCallback a = CmiCallback.builder(KEY).paidOrders(shared).build();
    CmiCallback b = CmiCallback.builder(KEY).paidOrders(shared).build();

    a.handle(Callbacks.paid("ORD-0001", "150.00"), AMOUNTS, paid::add);
    b.handle(Callbacks.paid("ORD-0001", "150.00"), AMOUNTS, paid::add);

    assertThat(paid).containsExactly("ORD-0001");
  }

  @Test
  void anExtraFieldIsAcceptedOnlyWhenAllowedAndNeverNextToTheOrderId() {
    Map<String, String> posted =
        Callbacks.genuine(
            Callbacks.form("ORD-0001", "150.00", "Fatima Zahra", "buyer@example.com"),
            "00",
            Map.of("instalment", "1"));

    assertThat(handle(posted).reason()).isEqualTo("unexpected field instalment");
    assertThat(
            CmiCallback.builder(KEY)
                .allowField("instalment")
                .build()
                .handle(posted, AMOUNTS, paid::add)
                .paid())
        .isTrue();
    assertThatThrownBy(() -> CmiCallback.builder(KEY).allowField("oid2"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("allowField"));
    assertThatThrownBy(() -> CmiCallback.builder(KEY).allowField("ok"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("allowField"));
  }
}
