package ma.hirfa.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ma.hirfa.sdk.core.ConflictException;
import ma.hirfa.sdk.core.LocalizedText;
import ma.hirfa.sdk.core.Money;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.PatchValue;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.VersionConflictException;
import ma.hirfa.sdk.testkit.CatalogView;
import ma.hirfa.sdk.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog client against the embedded sandbox, end to end. */
class CatalogClientTest {
  static final String RIB = "011519000001205000534921";
  Sandbox sandbox;
  CatalogClient catalog;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().catalogSize(300).start();
    catalog = client(sandbox);
  }

  @AfterEach
  void stop() {
    catalog.close();
    sandbox.close();
  }

  static CatalogClient client(Sandbox sandbox) {
    return CatalogClient.builder()
        .apiKey(sandbox.apiKey())
        .baseUrl(sandbox.baseUrl())
        .configure(
            o -> o.retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()))
        .build();
  }

  static ProductCreateParams.Builder kilim(String sku) {
    return ProductCreateParams.builder()
        .sku(sku)
        .artisanId("art_S000001")
        .craft("kilim")
        .title(LocalizedText.builder().put("ar", "حنبل").put("fr", "Kilim bleu").build())
        .price(Money.parse("1800.00", "MAD"))
        .stock(3)
        .hsCode("570210")
        .image("https://cdn.example.com/kilim.jpg");
  }

  @Test
  void theTaxonomyIsSampleDataAndASecondReadIsServedFromTheEtagCache() {
    Taxonomy first = catalog.taxonomy().get();
    assertThat(first.sample()).isTrue();
    assertThat(first.craft("knotted_rug")).isPresent();
    assertThat(first.craft("knotted_rug").get().label().resolve("es"))
        .isEqualTo("Alfombra anudada a mano");

    assertThat(catalog.taxonomy().get()).isSameAs(first);
  }

  @Test
  void aProductReadsInFourLanguagesWithItsMadPriceFormattedForEachLocale() {
    Product p = catalog.products().get("prd_S000000");
    assertThat(p.title(Locale.forLanguageTag("ar"))).isNotBlank();
    assertThat(p.title(Locale.forLanguageTag("es-ES"))).contains("Alfombra");
    assertThat(p.title(Locale.forLanguageTag("de"))).isEqualTo(p.title().get("fr"));
    assertThat(p.price().currencyCode()).isEqualTo("MAD");
    assertThat(p.price().format(Locale.forLanguageTag("fr-MA"))).endsWith("\u00a0MAD");
  }

  @Test
  void aDisplayPriceComesFromAQuoteThatSaysItsRateAndTime() {
    Product p = catalog.products().get("prd_S000002");
    FxQuote quote = catalog.fxQuotes().create("MAD", "EUR");
    DisplayPrice price = quote.display(p.price());

    assertThat(price.display().currencyCode()).isEqualTo("EUR");
    assertThat(price.display().amountMinor())
        .isEqualTo(
            p.price()
                .toBigDecimal()
                .multiply(quote.rateValue())
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .unscaledValue()
                .longValueExact());
    assertThat(price.format(Locale.forLanguageTag("es-ES"))).endsWith("\u00a0€");
    assertThat(price.disclosure()).contains("1 MAD = " + quote.rate() + " EUR").contains("sample");
  }

  @Test
  void createThenUpdateWithTheCurrentVersionBumpsIt() {
    Product created = catalog.products().create(kilim("TIF-1").build());
    Product updated =
        catalog
            .products()
            .update(
                created.id(), created.etag(), ProductUpdateParams.from(created).stock(9).build());
    assertThat(updated.version()).isEqualTo(created.version() + 1);
    assertThat(updated.stock()).isEqualTo(9);
  }

  @Test
  void aStaleUpdateIsATypedVersionConflictAndChangesNothing() {
    Product created = catalog.products().create(kilim("TIF-2").build());
    catalog
        .products()
        .update(created.id(), created.etag(), ProductUpdateParams.from(created).stock(9).build());

    assertThatThrownBy(
            () ->
                catalog
                    .products()
                    .update(
                        created.id(),
                        created.etag(),
                        ProductUpdateParams.from(created).stock(1).build()))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> assertThat(e.currentEtag()).isEqualTo("\"" + created.id() + ".2\""));
    assertThat(catalog.products().get(created.id()).stock()).isEqualTo(9);
  }

  @Test
  void aTakenSkuIsAConflict() {
    catalog.products().create(kilim("TIF-3").build());
    assertThatThrownBy(() -> catalog.products().create(kilim("TIF-3").build()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aBatchWithThreeInvalidItemsReportsThoseThreeAndAppliesTheRest() {
    List<ProductCreateParams> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(kilim("BATCH-" + i).build());
    }
    items.set(2, kilim("BATCH-2").artisanId("art_NoSuchArtisan").build());
    items.set(5, kilim("BATCH-5").craft("violin_making").build());
    items.set(7, kilim("BATCH-7").craft("carpet_restoration").build());

    BatchResult result = catalog.products().upsert(items);

    assertThat(result.failed()).extracting(BatchResult.Item::index).containsExactly(2, 5, 7);
    assertThat(result.failed().get(0).errors().get(0).field()).isEqualTo("artisan_id");
    assertThat(result.applied())
        .hasSize(7)
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(BatchItemStatus.CREATED));
    assertThat(sandbox.catalog().productCount()).isEqualTo(307);
  }

  @Test
  void aBatchAboveFiveHundredIsRefusedBeforeTheNetwork() {
    List<ProductCreateParams> items = new ArrayList<>();
    ProductCreateParams one = kilim("X").build();
    for (int i = 0; i < 501; i++) {
      items.add(one);
    }
    assertThatThrownBy(() -> catalog.products().upsert(items))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("items"));
  }

  @Test
  void upsertAllSplitsIntoBatchesAndKeepsIndexes() {
    List<ProductCreateParams> items = new ArrayList<>();
    for (int i = 0; i < 620; i++) {
      items.add(kilim("ALL-" + i).build());
    }
    BatchResult result = catalog.products().upsertAll(items);
    assertThat(result.results()).hasSize(620);
    assertThat(result.results().get(619).index()).isEqualTo(619);
    assertThat(result.results().get(619).sku()).isEqualTo("ALL-619");
  }

  @Test
  void productRulesAreCheckedBeforeTheNetworkNamingTheField() {
    assertField(() -> kilim("A").price(Money.parse("10.00", "EUR")).build(), "price.currency");
    assertField(() -> kilim("A").image("http://cdn.example.com/x.jpg").build(), "images[1].url");
    assertField(() -> kilim("A").title(LocalizedText.of("en", "English only")).build(), "title");
    assertField(() -> kilim("A").hsCode("57").build(), "hs_code");
    assertField(() -> kilim("bad sku!").build(), "sku");
    assertField(() -> kilim("A").artisanId("prd_1").build(), "artisan_id");
  }

  @Test
  void artisanRulesAreCheckedBeforeTheNetworkNamingTheField() {
    assertField(() -> coop().ice(null).build(), "ice");
    assertField(() -> coop().ice("001561191000065").build(), "ice");
    assertField(() -> PayoutAccount.rib("011519000001205000534922"), "payout_destination.rib");
    assertField(
        () -> PayoutAccount.iban("MA65011519000001205000534921"), "payout_destination.iban");
  }

  @Test
  void aPayoutAccountNeverShowsItsNumber() {
    assertThat(PayoutAccount.rib(RIB).toString()).doesNotContain(RIB).contains("4921");
    assertThat(coop().build().toString()).doesNotContain(RIB);
  }

  @Test
  void theRibAndTheBuyersEmailNeverReachTheTraceLog() throws Exception {
    catalog.artisans().create(coop().nia("NIA-LOG").build());
    catalog
        .orders()
        .create(
            OrderCreateParams.builder()
                .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", "+12025550123"))
                .line("prd_S000002", 1)
                .shipping(new OrderCreateParams.Shipping("US", "1 Main St"))
                .build());
    String log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "sdk-test.log"));
    assertThat(log).contains("/v1/artisans").doesNotContain(RIB).doesNotContain("2025550123");
  }

  @Test
  void aCooperativeIsOnboardedPendingThenVerifiedAndItsRibComesBackMasked() {
    Artisan a = catalog.artisans().create(coop().build());
    assertThat(a.verification()).isEqualTo(VerificationStatus.PENDING);
    assertThat(a.payoutDestination()).isEqualTo(new Artisan.MaskedPayoutDestination("rib", "4921"));

    sandbox.clock().advance(Duration.ofMinutes(2));
    assertThat(catalog.artisans().get(a.id()).verification())
        .isEqualTo(VerificationStatus.VERIFIED);
  }

  @Test
  void aMergePatchChangesTheFieldsSentAndClearsLabels() {
    Artisan before = catalog.artisans().get("art_S000003");
    Artisan after =
        catalog
            .artisans()
            .update(
                before.id(),
                ArtisanUpdateParams.builder()
                    .ifMatch(before.etag())
                    .city("Fès")
                    .labels(PatchValue.clear())
                    .build());
    assertThat(after.city()).isEqualTo("Fès");
    assertThat(after.labels()).isEmpty();
    assertThat(after.displayName()).isEqualTo(before.displayName());
    assertThatThrownBy(
            () ->
                catalog
                    .artisans()
                    .update(
                        before.id(),
                        ArtisanUpdateParams.builder().ifMatch(before.etag()).city("Salé").build()))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void artisansListByRegionAcrossPages() {
    List<Artisan> found = new ArrayList<>();
    catalog
        .artisans()
        .listAutoPaging(ArtisanListParams.builder().region("souss_massa").limit(2).build())
        .forEach(found::add);
    assertThat(found).isNotEmpty().allSatisfy(a -> assertThat(a.region()).isEqualTo("souss_massa"));
  }

  @Test
  void anOrderInEuroReservesStockAndMovesThroughItsStates() {
    int stock = catalog.products().get("prd_S000002").stock();
    FxQuote quote = catalog.fxQuotes().create("MAD", "EUR");
    Order order =
        catalog
            .orders()
            .create(
                OrderCreateParams.builder()
                    .buyer(new OrderCreateParams.Buyer("Jane Roe", "jane@example.com", null))
                    .line("prd_S000002", 1)
                    .shipping(new OrderCreateParams.Shipping("ES", "Calle Mayor 1, Madrid"))
                    .displayIn(quote)
                    .build());

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(order.displayTotal()).isEqualTo(quote.convert(order.total()));
    assertThat(catalog.products().get("prd_S000002").stock()).isEqualTo(stock - 1);
    assertThatThrownBy(() -> catalog.orders().deliver(order.id()))
        .isInstanceOf(ConflictException.class);
    catalog.orders().markPaid(order.id());
    assertThat(catalog.orders().ship(order.id(), "MA123").trackingNumber()).isEqualTo("MA123");
    assertThat(catalog.orders().deliver(order.id()).status()).isEqualTo(OrderStatus.DELIVERED);
  }

  @Test
  void anUnknownProductIsNotFound() {
    assertThatThrownBy(() -> catalog.products().get("prd_Nope"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theExportMatchesTheSandboxInCountAndChecksumAndReportsProgress() {
    List<ExportProgress> progress = new ArrayList<>();
    long count = 0;
    long checksum = 0;
    String cursor;
    try (ProductExport export = catalog.products().export().onProgress(progress::add)) {
      for (Product p : export) {
        count++;
        checksum += digest(p);
      }
      assertThat(export.isComplete()).isTrue();
      cursor = export.exportCursor();
    }
    assertThat(count).isEqualTo(sandbox.catalog().productCount());
    assertThat(checksum).isEqualTo(sandbox.catalog().checksum());
    assertThat(progress.get(progress.size() - 1).done()).isTrue();
    assertThat(progress.get(progress.size() - 1).products()).isEqualTo(300);
    assertThat(progress.get(progress.size() - 1).bytes()).isPositive();

    Product changed = catalog.products().create(kilim("AFTER-1").build());
    ChangePage page = catalog.products().changes(cursor, 100);
    assertThat(page.data()).extracting(ProductChange::productId).containsExactly(changed.id());
  }

  static long digest(Product p) {
    return CatalogView.digest(
        p.id(),
        p.version(),
        p.sku(),
        p.statusAsString(),
        p.price().amountMinor(),
        p.stock(),
        p.title().asMap());
  }

  private static ArtisanCreateParams.Builder coop() {
    return ArtisanCreateParams.builder()
        .nia("NIA-2026-0042")
        .displayName("Coopérative Tifawin")
        .status(ArtisanStatus.COOPERATIVE)
        .crafts(List.of("knotted_rug"))
        .region("beni_mellal_khenifra")
        .city("Azilal")
        .ice("001561191000066")
        .payoutDestination(PayoutAccount.rib(RIB));
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
