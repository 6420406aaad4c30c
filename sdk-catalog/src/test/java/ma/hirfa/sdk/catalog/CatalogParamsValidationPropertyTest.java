package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every params builder of the catalog client refuses a bad value with a {@link ValidationException}
 * naming the field: seeded page sizes and cursors for each list, each required field of the product
 * params left out, and the {@code If-Match} of a delete or a patch.
 */
class CatalogParamsValidationPropertyTest {
  static final long SEED = Long.getLong("params.seed", 20261129L);

  static final Map<String, BiFunction<Integer, String, Record>> LISTS =
      Map.of(
          "ArtisanListParams",
          (l, c) -> ArtisanListParams.builder().limit(l).cursor(c).build(),
          "ProductListParams",
          (l, c) -> ProductListParams.builder().limit(l).cursor(c).build(),
          "OrderListParams",
          (l, c) -> OrderListParams.builder().limit(l).cursor(c).build());

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
  }

  /** The product params' required fields and what unsets each. */
  static final Map<String, Consumer<ProductFields.Builder<?>>> REQUIRED =
      Map.of(
          "sku", b -> b.sku(null),
          "artisan_id", b -> b.artisanId(null),
          "craft", b -> b.craft(null),
          "title", b -> b.title(null),
          "price", b -> b.price(null));

  @Test
  void createAndUpdateParamsRequireTheSameFieldsNamingTheMissingOne() {
    Product product = productOf(CatalogClientTest.kilim("REQ-1").build());
    for (Map.Entry<String, Consumer<ProductFields.Builder<?>>> field : REQUIRED.entrySet()) {
      ProductCreateParams.Builder create = CatalogClientTest.kilim("REQ-1");
      field.getValue().accept(create);
      ProductUpdateParams.Builder update = ProductUpdateParams.from(product);
      field.getValue().accept(update);

      assertThatThrownBy(create::build)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(field.getKey()));
      assertThatThrownBy(update::build)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(field.getKey()));
    }
  }

  @Test
  void createAndUpdateParamsFromAProductKeepEveryFieldThePartnerSets() {
    ProductCreateParams created =
        CatalogClientTest.kilim("KEEP-1")
            .materials(List.of("wool"))
            .origin("Taznakht")
            .technique("flat weave")
            .weightG(1200)
            .antique(true)
            .build();

    Product product = productOf(created);

    assertThat(ProductUpdateParams.from(product).build().fields()).isEqualTo(created.fields());
    assertThat(ProductCreateParams.from(product).build().fields()).isEqualTo(created.fields());
    assertThat(ProductCreateParams.from(product).sku("KEEP-2").build().fields().sku())
        .isEqualTo("KEEP-2");
  }

  @ParameterizedTest
  @MethodSource("blankTexts")
  void aBlankIfMatchIsRefusedNamingIt(String etag) {
    assertThatThrownBy(() -> ProductDeleteParams.ifMatch(etag))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("if_match"));
    assertThatThrownBy(() -> ArtisanUpdateParams.builder().ifMatch(etag).city("Fès").build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("if_match"));
  }

  static Stream<String> blankTexts() {
    return Stream.of("", " ", "\n", "\t ");
  }

  /** The product the sandbox returns for these params. */
  private static Product productOf(ProductCreateParams params) {
    try (Sandbox sandbox = Sandbox.builder().catalogSize(3).start();
        CatalogClient catalog = CatalogClientTest.client(sandbox)) {
      return catalog.products().create(params);
    }
  }
}
