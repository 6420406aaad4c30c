package ma.hirfa.sdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.PatchValue;
import ma.hirfa.sdk.core.WireEnum;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  private final Json json = new Json();

  enum Status implements WireEnum {
    REQUIRES_ACTION("requires_action"),
    SUCCEEDED("succeeded"),
    UNKNOWN("unknown");

    private static final WireEnums<Status> BY_WIRE = WireEnums.index(values());

    private final String wire;

    Status(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireValue() {
      return wire;
    }

    static Status fromWire(String wire) {
      return BY_WIRE.get(wire);
    }
  }

  /** A response model as the SDK's are written: the enum kept raw, the constant derived. */
  record Payment(
      String id,
      Money amount,
      String statusAsString,
      Instant createdAt,
      @Nullable String description,
      List<String> tags,
      boolean livemode) {
    Status status() {
      return Status.fromWire(statusAsString);
    }
  }

  record ProductPatch(
      PatchValue<String> sku, PatchValue<LocalizedText> title, PatchValue<Money> price) {}

  private <T> T decode(String s, Class<T> type) throws IOException {
    return Objects.requireNonNull(
        json.decode(s.getBytes(StandardCharsets.UTF_8), TypeRef.of(type)));
  }

  @Test
  void decodesSnakeCaseIntoRecordsAndIgnoresUnknownFields() throws IOException {
    Payment p =
        decode(
            "{\"id\":\"pay_1\",\"amount\":{\"amount_minor\":15000,\"currency\":\"MAD\"},"
                + "\"status\":\"succeeded\",\"created_at\":\"2026-11-29T10:15:30.123Z\","
                + "\"new_field_from_2027\":{\"nested\":[1,2]},\"livemode\":false}",
            Payment.class);

    assertThat(p.id()).isEqualTo("pay_1");
    assertThat(p.amount()).isEqualTo(Money.ofMinor(15000, "MAD"));
    assertThat(p.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-11-29T10:15:30.123Z"));
    assertThat(p.description()).isNull();
    assertThat(p.tags()).isEmpty();
  }

  @Test
  void anUnknownEnumValueIsKeptRawBesideItsUnknownConstant() throws IOException {
    Payment p =
        decode(
            "{\"id\":\"pay_1\",\"amount\":{\"amount_minor\":1,\"currency\":\"MAD\"},"
                + "\"status\":\"on_hold\",\"created_at\":\"2026-11-29T10:15:30Z\",\"livemode\":true}",
            Payment.class);

    assertThat(p.status()).isEqualTo(Status.UNKNOWN);
    assertThat(p.statusAsString()).isEqualTo("on_hold");
  }

  @Test
  void aRawEnumComponentIsWrittenUnderTheEnumsOwnName() {
    Payment p =
        new Payment(
            "pay_1", Money.ofMinor(1, "MAD"), "on_hold", Instant.EPOCH, null, List.of(), false);

    assertThat(new String(json.encode(p), StandardCharsets.UTF_8))
        .contains("\"status\":\"on_hold\"")
        .doesNotContain("status_as_string");
  }

  @Test
  void aRecordWhoseRawEnumCollidesWithAnotherComponentIsRefused() {
    record Twice(String status, String statusAsString) {}

    assertThatThrownBy(() -> json.adapter(Twice.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'status'");
  }

  @Test
  void missingRequiredFieldIsADecodingErrorNamingIt() {
    assertThatThrownBy(() -> decode("{\"id\":\"pay_1\"}", Payment.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'amount'");
  }

  /** A primitive is required: a missing number or boolean never becomes 0 or false. */
  @ParameterizedTest
  @ValueSource(strings = {"", ",\"livemode\":null"})
  void aMissingOrNullPrimitiveIsADecodingErrorNamingIt(String livemode) {
    assertThatThrownBy(
            () ->
                decode(
                    "{\"id\":\"pay_1\",\"amount\":{\"amount_minor\":1,\"currency\":\"MAD\"},"
                        + "\"status\":\"succeeded\",\"created_at\":\"2026-11-29T10:15:30Z\""
                        + livemode
                        + "}",
                    Payment.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'livemode'");
  }

  @Test
  void aCurrencyThisRuntimeDoesNotKnowIsKeptAsItsCode() throws IOException {
    Money m = decode("{\"amount_minor\":12345,\"currency\":\"QZX\"}", Money.class);

    assertThat(m.amountMinor()).isEqualTo(12345);
    assertThat(m.currencyCode()).isEqualTo("QZX");
    assertThat(m.currency()).isEmpty();
    assertThat(new String(json.encode(m), StandardCharsets.UTF_8))
        .isEqualTo("{\"amount_minor\":12345,\"currency\":\"QZX\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"mad\"", "\"MA\"", "\"MADD\"", "\"\"", "1"})
  void aCurrencyThatIsNotThreeCapitalsBreaksTheContractAndIsRefused(String currency) {
    assertThatThrownBy(
            () -> decode("{\"amount_minor\":1,\"currency\":" + currency + "}", Money.class))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void aMalformedLanguageKeyIsKeptRawAndTheOtherLanguagesResolve() throws IOException {
    LocalizedText t =
        decode("{\"fr\":\"Tapis\",\"fr_FR!\":\"x\",\"ar\":\"زربية\"}", LocalizedText.class);

    assertThat(t.resolve("fr")).isEqualTo("Tapis");
    assertThat(t.resolve("ar")).isEqualTo("زربية");
    assertThat(t.asMap()).containsEntry("fr_FR!", "x");
  }

  @Test
  void anEmptyLocalizedTextBreaksTheContractAndIsRefused() {
    assertThatThrownBy(() -> decode("{}", LocalizedText.class))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void aPageThatSaysHasMoreWithoutACursorIsReadAsTheLastPageWithItsItems() throws IOException {
    Page<Money> page =
        Objects.requireNonNull(
            json.decode(
                ("{\"data\":[{\"amount_minor\":1,\"currency\":\"MAD\"}],"
                        + "\"next_cursor\":null,\"has_more\":true}")
                    .getBytes(StandardCharsets.UTF_8),
                new TypeRef<Page<Money>>() {}));

    assertThat(page.data()).containsExactly(Money.ofMinor(1, "MAD"));
    assertThat(page.nextCursor()).isNull();
    assertThat(page.hasMore()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"150.5", "1.5e4", "\"15000\"", "15000.0", "99999999999999999999"})
  void moneyRefusesAnythingButAnIntegerNumberOfMinorUnits(String amount) {
    assertThatThrownBy(
            () -> decode("{\"amount_minor\":" + amount + ",\"currency\":\"MAD\"}", Money.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("amount_minor");
  }

  @Test
  void instantsAcceptEveryRfc3339Form() throws IOException {
    assertThat(decode("\"2026-11-29T10:15:30Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-29T10:15:30Z"));
    assertThat(decode("\"2026-11-29T11:15:30+01:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-29T10:15:30Z"));
    assertThat(decode("\"2026-11-29t10:15:30.5z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-29T10:15:30.500Z"));
    assertThat(decode("\"2026-11-29T10:15:30.123456789Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-29T10:15:30.123456789Z"));
    assertThatThrownBy(() -> decode("\"2026-02-30T10:15:30Z\"", Instant.class))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> decode("\"yesterday\"", Instant.class))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void localizedTextRoundTripsArabicAndTifinaghByteExact() throws IOException {
    String body = "{\"ar\":\"طاجين فخاري\",\"fr\":\"Tajine en terre cuite\",\"zgh\":\"ⵜⴰⵊⵉⵏ\"}";
    LocalizedText t = decode(body, LocalizedText.class);

    assertThat(new String(json.encode(t), StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @Test
  void mergePatchWritesAbsentAsMissingAndClearAsNull() {
    ProductPatch patch =
        new ProductPatch(
            PatchValue.absent(), PatchValue.clear(), PatchValue.of(Money.ofMinor(99_900, "MAD")));

    assertThat(new String(json.encode(patch), StandardCharsets.UTF_8))
        .isEqualTo("{\"title\":null,\"price\":{\"amount_minor\":99900,\"currency\":\"MAD\"}}");
  }

  @Test
  void mergePatchReadsNullAsClearAndMissingAsAbsent() throws IOException {
    ProductPatch patch =
        decode(
            "{\"sku\":null,\"price\":{\"amount_minor\":5,\"currency\":\"MAD\"}}",
            ProductPatch.class);

    assertThat(patch.sku().isClear()).isTrue();
    assertThat(patch.title().isAbsent()).isTrue();
    assertThat(patch.price().value()).isEqualTo(Money.ofMinor(5, "MAD"));
  }

  @Test
  void nullComponentsAreLeftOutWhenWriting() {
    record Params(String sku, @Nullable String note) {}

    assertThat(new String(json.encode(new Params("ZR-1", null)), StandardCharsets.UTF_8))
        .isEqualTo("{\"sku\":\"ZR-1\"}");
  }

  record Wrapper<T>(Inner<T> inner) {}

  record Inner<T>(T value) {}

  @Test
  void nestedGenericRecordsResolveTheirTypeArguments() throws IOException {
    Wrapper<Money> w =
        Objects.requireNonNull(
            json.decode(
                "{\"inner\":{\"value\":{\"amount_minor\":5,\"currency\":\"MAD\"}}}"
                    .getBytes(StandardCharsets.UTF_8),
                new TypeRef<Wrapper<Money>>() {}));

    assertThat(w.inner().value()).isEqualTo(Money.ofMinor(5, "MAD"));
  }

  @Test
  void trailingGarbageAndDeepNestingAreErrors() {
    assertThatThrownBy(() -> decode("{\"amount_minor\":1,\"currency\":\"MAD\"} x", Money.class))
        .isInstanceOf(IOException.class);
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> decode(deep, Object.class)).isInstanceOf(RuntimeException.class);
  }
}
