package ma.hirfa.sdk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.validation.Rib;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every params builder of the payments client refuses a bad value with a {@link
 * ValidationException} naming the field, and accepts every good one: seeded draws over the page
 * size and cursor of each list, and RIBs and IBANs typed with spaces or with other separators.
 */
class ParamsValidationPropertyTest {
  static final long SEED = Long.getLong("params.seed", 20261129L);

  /** Each list params type, built from a limit and a cursor. */
  static final Map<String, BiFunction<Integer, String, Record>> LISTS =
      Map.of(
          "PaymentListParams",
          (l, c) -> PaymentListParams.builder().limit(l).cursor(c).build(),
          "RefundListParams",
          (l, c) -> RefundListParams.builder().limit(l).cursor(c).build(),
          "PayoutListParams",
          (l, c) -> PayoutListParams.builder().limit(l).cursor(c).build(),
          "SettlementListParams",
          (l, c) -> SettlementListParams.builder().limit(l).cursor(c).build(),
          "WebhookEndpointListParams",
          (l, c) -> WebhookEndpointListParams.builder().limit(l).cursor(c).build(),
          "WebhookDeliveryListParams",
          (l, c) -> WebhookDeliveryListParams.builder().limit(l).cursor(c).build());

  static Stream<String> lists() {
    return LISTS.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("lists")
  void aPageSizeIsAcceptedFrom1To100AndRefusedNamingLimitOtherwise(String type) {
    SplittableRandom random = new SplittableRandom(SEED ^ type.hashCode());
    for (int i = 0; i < 500; i++) {
      int limit = random.nextInt(-300, 400);
      if (limit >= 1 && limit <= 100) {
        assertThat(LISTS.get(type).apply(limit, "c1")).asString().contains("limit=" + limit + ",");
      } else {
        assertThatThrownBy(() -> LISTS.get(type).apply(limit, "c1"))
            .as("%s limit %d", type, limit)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("lists")
  void aBlankOrOverlongCursorIsRefusedNamingCursor(String type) {
    SplittableRandom random = new SplittableRandom(SEED ^ type.hashCode() ^ 1);
    List<String> blanks = List.of("", " ", "\t", "\n", "  \n");
    for (int i = 0; i < 200; i++) {
      String cursor =
          random.nextBoolean()
              ? blanks.get(random.nextInt(blanks.size()))
              : "c".repeat(513 + random.nextInt(100));
      assertThatThrownBy(() -> LISTS.get(type).apply(20, cursor))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
    assertThat(LISTS.get(type).apply(20, "c".repeat(512))).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibTypedWithSpacesIsAcceptedAsItsDigits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);
    String typed = withSpaces(rib, random);

    PayoutDestination d = PayoutDestination.rib(typed);

    assertThat(d.rib()).isEqualTo(rib);
    assertThat(PayoutDestination.iban(withSpaces("MA64" + rib, random)).iban())
        .isEqualTo("MA64" + rib);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibWithAnotherSeparatorIsRefusedWithAHintAndWithoutItsDigits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);
    String sep = List.of("-", ".", "/", "_", ",").get(random.nextInt(5));
    int at = 1 + random.nextInt(rib.length() - 1);
    String typed = rib.substring(0, at) + sep + rib.substring(at);

    assertThatThrownBy(() -> PayoutDestination.rib(typed))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("destination.rib");
              assertThat(e.getMessage()).contains("remove any separator other than spaces");
              for (int i = 0; i + 4 <= rib.length(); i++) {
                assertThat(e.getMessage()).doesNotContain(rib.substring(i, i + 4));
              }
            });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRibWithOneDigitWrongIsRefusedForItsKey(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String rib = rib(random);
    int at = random.nextInt(rib.length());
    char wrong = (char) ('0' + (rib.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
    String typed = withSpaces(rib.substring(0, at) + wrong + rib.substring(at + 1), random);

    assertThatThrownBy(() -> PayoutDestination.rib(typed))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("key does not match"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aCaptureOrRefundOfNoMoneyIsRefusedNamingTheAmount(long seed) {
    long minor = -new SplittableRandom(seed).nextLong(0, 1_000_000);
    Money none = Money.ofMinor(minor, "MAD");

    assertThatThrownBy(() -> PaymentCaptureParams.amount(none))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount.amount_minor"));
    assertThatThrownBy(() -> RefundCreateParams.partial("pay_1", none))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount.amount_minor"));
  }

  static Stream<Long> seeds() {
    SplittableRandom random = new SplittableRandom(SEED);
    return Stream.generate(random::nextLong).limit(50);
  }

  static String rib(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 22; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b + Rib.key(b.toString());
  }

  /** The digits with ordinary, no-break or narrow no-break spaces between some of them. */
  static String withSpaces(String s, SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (random.nextInt(4) == 0) {
        b.append(List.of(" ", "\u00a0", "\u202f", "  ").get(random.nextInt(4)));
      }
      b.append(s.charAt(i));
    }
    return random.nextBoolean() ? " " + b + " " : b.toString();
  }
}
