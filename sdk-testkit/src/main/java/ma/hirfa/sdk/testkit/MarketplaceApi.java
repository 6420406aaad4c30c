package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Marketplace API: taxonomy, artisans, products (with If-Match, batch upsert, the change feed
 * and the streamed NDJSON export), orders and FX quotes. Seeded objects come from {@link
 * CatalogSeed} on demand; every change is stored here and appended to the change feed.
 */
final class MarketplaceApi {
  static final Duration VERIFICATION_DELAY = Duration.ofMinutes(1);
  static final Duration FX_QUOTE_TTL = Duration.ofMinutes(10);
  static final int BATCH_MAX = 500;

  /** Sample rates, labelled as such in every quote: MAD per unit of the foreign currency. */
  static final Map<String, BigDecimal> MAD_PER_UNIT =
      Map.of("EUR", new BigDecimal("10.8200"), "USD", new BigDecimal("9.9500"));

  private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en", "es", "zgh", "ary");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HS = Pattern.compile("\\d{6}");
  private static final Pattern ARTISAN = Pattern.compile("/v1/artisans/(art_[A-Za-z0-9]+)");
  private static final Pattern PRODUCT =
      Pattern.compile("/v1/products/(prd_[A-Za-z0-9]+)(/archive)?");
  private static final Pattern ORDER = Pattern.compile("/v1/orders/(ord_[A-Za-z0-9]+)(/status)?");
  private static final Pattern QUOTE = Pattern.compile("/v1/fx_quotes/(fxq_[A-Za-z0-9]+)");

  record Image(String url, Map<String, String> alt) {}

  /** Length, width and height in centimetres. */
  record Dims(double length, double width, double height) {}

  record Product(
      String id,
      String sku,
      String artisanId,
      String craft,
      Map<String, String> title,
      Map<String, String> description,
      long price,
      int stock,
      @Nullable Dims dimensions,
      @Nullable Integer weightG,
      List<String> materials,
      @Nullable String technique,
      @Nullable String origin,
      List<Image> images,
      @Nullable String hsCode,
      List<String> labels,
      @Nullable String vatRegime,
      boolean antique,
      String status,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    Product with(String status, int stock, long version, Instant updatedAt) {
      return new Product(
          id,
          sku,
          artisanId,
          craft,
          title,
          description,
          price,
          stock,
          dimensions,
          weightG,
          materials,
          technique,
          origin,
          images,
          hsCode,
          labels,
          vatRegime,
          antique,
          status,
          version,
          createdAt,
          updatedAt);
    }

    /** The same content (everything a PUT can set), ignoring id, status, version and times. */
    boolean sameContent(Product o) {
      return sku.equals(o.sku)
          && artisanId.equals(o.artisanId)
          && craft.equals(o.craft)
          && title.equals(o.title)
          && description.equals(o.description)
          && price == o.price
          && stock == o.stock
          && Objects.equals(dimensions, o.dimensions)
          && Objects.equals(weightG, o.weightG)
          && materials.equals(o.materials)
          && Objects.equals(technique, o.technique)
          && Objects.equals(origin, o.origin)
          && images.equals(o.images)
          && Objects.equals(hsCode, o.hsCode)
          && labels.equals(o.labels)
          && Objects.equals(vatRegime, o.vatRegime)
          && antique == o.antique;
    }

    String etag() {
      return "\"" + id + "." + version + "\"";
    }
  }

  record Artisan(
      String id,
      String nia,
      String displayName,
      String status,
      List<String> crafts,
      String region,
      String city,
      @Nullable String ice,
      @Nullable String payoutType,
      @Nullable String payoutLast4,
      String verification,
      List<String> labels,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    String etag() {
      return "\"" + id + "." + version + "\"";
    }
  }

  record Line(String productId, int quantity, long unitPrice) {}

  record Order(
      String id,
      long seq,
      String status,
      List<Line> lines,
      long total,
      @Nullable String displayCurrency,
      long displayTotal,
      List<String> paymentIds,
      @Nullable String trackingNumber,
      Instant createdAt) {
    Order moved(String status, @Nullable String tracking, List<String> payments) {
      return new Order(
          id,
          seq,
          status,
          lines,
          total,
          displayCurrency,
          displayTotal,
          payments,
          tracking,
          createdAt);
    }
  }

  record Quote(String id, String from, String to, BigDecimal rate, Instant at, Instant expires) {}

  private final CatalogSeed seed;
  private final SandboxClock clock;
  private final Ids ids;
  private final EventLog events;
  private final Object lock = new Object();
  private final Map<String, Product> products = new ConcurrentHashMap<>();

  /** Deleted products (seeded or created): ids are never reused, so a delete is for good. */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  private final List<String> created = new ArrayList<>();
  private final Map<String, Integer> createdPositions = new HashMap<>();
  private final Map<String, String> createdSkus = new HashMap<>();
  private final Map<String, Artisan> artisans = new ConcurrentHashMap<>();
  private final List<String> createdArtisans = new ArrayList<>();
  private final List<String> pendingArtisans = new ArrayList<>();
  private final CatalogFeed feed;
  private final CatalogFaults catalogFaults;
  private final List<Order> orders = new ArrayList<>();
  private final Map<String, Integer> orderIndex = new HashMap<>();
  private final Map<String, Quote> quotes = new HashMap<>();
  private final byte[] taxonomy;
  private final String taxonomyEtag;

  MarketplaceApi(
      CatalogSeed seed,
      SandboxClock clock,
      Ids ids,
      EventLog events,
      CatalogFaults catalogFaults,
      Duration feedRetention) {
    this.seed = seed;
    this.catalogFaults = catalogFaults;
    this.feed = new CatalogFeed(clock, catalogFaults, feedRetention);
    this.clock = clock;
    this.ids = ids;
    this.events = events;
    this.taxonomy = renderTaxonomy();
    this.taxonomyEtag = "\"" + CatalogSeed.TAXONOMY_VERSION + "\"";
    events.listener(this::onEvent);
  }

  /** Answers a request for this API, or returns null when the path is not one of its routes. */
  Exchange.@Nullable Response handle(Exchange e) {
    String p = e.path;
    boolean get = e.method.equals("GET");
    boolean post = e.method.equals("POST");
    if (p.equals("/v1/taxonomy") && get) {
      return conditional(e, taxonomyEtag, () -> taxonomy);
    }
    synchronized (lock) {
      tickLocked();
    }
    switch (p) {
      case "/v1/artisans" -> {
        return get ? listArtisans(e) : post ? createArtisan(e) : null;
      }
      case "/v1/products" -> {
        return get ? listProducts(e) : post ? createProduct(e) : null;
      }
      case "/v1/products/batch" -> {
        return post ? batch(e) : null;
      }
      case "/v1/products/export" -> {
        return get ? export(e) : null;
      }
      case "/v1/products/changes" -> {
        return get ? feed.page(e) : null;
      }
      case "/v1/orders" -> {
        return get ? listOrders(e) : post ? createOrder(e) : null;
      }
      case "/v1/fx_quotes" -> {
        return post ? createQuote(e) : null;
      }
      default -> {
        // parameterised routes below
      }
    }
    Matcher m = ARTISAN.matcher(p);
    if (m.matches()) {
      Artisan a = artisanOr404(m.group(1));
      return get
          ? conditional(e, a.etag(), () -> bytes(g -> writeArtisan(g, a)))
          : e.method.equals("PATCH") ? patchArtisan(e, a) : null;
    }
    m = PRODUCT.matcher(p);
    if (m.matches()) {
      Product product = productOr404(m.group(1));
      if (m.group(2) != null) {
        return post ? archive(product) : null;
      }
      return switch (e.method) {
        case "GET" -> conditional(e, product.etag(), () -> bytes(g -> writeProduct(g, product)));
        case "PUT" -> replace(e, product);
        case "DELETE" -> delete(e, product);
        default -> null;
      };
    }
    m = ORDER.matcher(p);
    if (m.matches()) {
      synchronized (lock) {
        Order o = orderOr404(m.group(1));
        if (m.group(2) != null) {
          return post ? changeStatus(e, o) : null;
        }
        return get ? json(200, bytes(g -> writeOrder(g, o))) : null;
      }
    }
    m = QUOTE.matcher(p);
    if (m.matches() && get) {
      synchronized (lock) {
        Quote q = quotes.get(m.group(1));
        if (q == null) {
          throw new Exchange.ApiError(Problems.notFound("FX quote", m.group(1)));
        }
        return json(200, bytes(g -> writeQuote(g, q)));
      }
    }
    return null;
  }

  /** Applies every time-based transition that fell due: artisans' verification. */
  void tick() {
    synchronized (lock) {
      tickLocked();
    }
  }

  private void tickLocked() {
    Instant now = clock.instant();
    for (Iterator<String> it = pendingArtisans.iterator(); it.hasNext(); ) {
      String id = it.next();
      Artisan a = artisans.get(id);
      if (a != null
          && a.verification().equals("pending")
          && !a.createdAt().plus(VERIFICATION_DELAY).isAfter(now)) {
        String outcome = a.nia().startsWith("NIA-REJECT") ? "rejected" : "verified";
        Artisan v =
            new Artisan(
                a.id(),
                a.nia(),
                a.displayName(),
                a.status(),
                a.crafts(),
                a.region(),
                a.city(),
                a.ice(),
                a.payoutType(),
                a.payoutLast4(),
                outcome,
                a.labels(),
                a.version() + 1,
                a.createdAt(),
                now);
        artisans.put(id, v);
        it.remove();
        if (outcome.equals("verified")) {
          events.emit("artisan.verified", tree(g -> writeArtisan(g, v)));
        }
      }
    }
  }

  // --- sandbox-side views (for tests and Sandbox) -----------------------------------------------

  /** How many products the catalog holds now (deleted ones excluded). */
  int productCount() {
    synchronized (lock) {
      return seed.productCount() + created.size() - deleted.size();
    }
  }

  /** Every live product, in catalog order, read one at a time (constant memory). */
  void forEachProduct(Consumer<Product> action) {
    int total = positions();
    for (int pos = 0; pos < total; pos++) {
      Product p = atPosition(pos);
      if (p != null) {
        action.accept(p);
      }
    }
  }

  @Nullable Product product(String id) {
    return find(id);
  }

  // --- products ---------------------------------------------------------------------------------

  private int positions() {
    synchronized (lock) {
      return seed.productCount() + created.size();
    }
  }

  private @Nullable Product atPosition(int pos) {
    String id;
    if (pos < seed.productCount()) {
      id = CatalogSeed.seededId(CatalogSeed.SEED_PRODUCT_PREFIX, pos);
      if (deleted.contains(id)) {
        return null;
      }
      Product p = products.get(id);
      return p == null ? seed.product(pos) : p;
    }
    synchronized (lock) {
      id = created.get(pos - seed.productCount());
    }
    return deleted.contains(id) ? null : products.get(id);
  }

  private @Nullable Product find(String id) {
    if (deleted.contains(id)) {
      return null;
    }
    Product p = products.get(id);
    if (p != null) {
      return p;
    }
    int i = CatalogSeed.index(id, CatalogSeed.SEED_PRODUCT_PREFIX, seed.productCount());
    return i < 0 ? null : seed.product(i);
  }

  private Product productOr404(String id) {
    Product p = find(id);
    if (p == null) {
      throw new Exchange.ApiError(Problems.notFound("product", id));
    }
    return p;
  }

  private @Nullable Product bySku(String sku) {
    String id = createdSkus.get(sku);
    if (id != null) {
      return find(id);
    }
    int i = CatalogSeed.skuIndex(sku, seed.productCount());
    return i < 0 ? null : find(CatalogSeed.seededId(CatalogSeed.SEED_PRODUCT_PREFIX, i));
  }

  private Exchange.Response listProducts(Exchange e) {
    int limit = Pages.limit(e);
    String artisan = e.queryParam("artisan_id");
    String craft = e.queryParam("craft");
    String status = e.queryParam("status");
    Predicate<Product> filter =
        p ->
            (artisan == null || artisan.equals(p.artisanId()))
                && (craft == null || craft.equals(p.craft()))
                && (status == null || status.equals(p.status()));
    return positionPage(
        e, limit, positions(), this::atPosition, filter, MarketplaceApi::writeProduct);
  }

  private Exchange.Response createProduct(Exchange e) {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (lock) {
      Product input = readProduct(e.jsonBody(), errors, "");
      errors.throwIfAny();
      if (bySku(input.sku()) != null) {
        throw new Exchange.ApiError(
            Problems.conflict(
                "sku_taken", "a product with this SKU exists; update it, or use the batch upsert"));
      }
      Product p = store(input, ids.next("prd"), "active", 1, null);
      return json(201, bytes(g -> writeProduct(g, p))).header("ETag", p.etag());
    }
  }

  private Exchange.Response replace(Exchange e, Product current) {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (lock) {
      Product now = productOr404(current.id());
      checkIfMatch(e, now.etag(), true);
      Product input = readProduct(e.jsonBody(), errors, "");
      if (errors.size() == 0 && !input.sku().equals(now.sku())) {
        errors.add("sku", "immutable", "a product's SKU cannot change");
      }
      errors.throwIfAny();
      Product p =
          input.sameContent(now)
              ? now
              : store(input, now.id(), now.status(), now.version() + 1, now);
      return json(200, bytes(g -> writeProduct(g, p))).header("ETag", p.etag());
    }
  }

  private Exchange.Response archive(Product current) {
    synchronized (lock) {
      Product now = productOr404(current.id());
      Product p =
          now.status().equals("archived")
              ? now
              : changed(
                  now.with("archived", now.stock(), now.version() + 1, clock.instant()),
                  "product.updated");
      return json(200, bytes(g -> writeProduct(g, p))).header("ETag", p.etag());
    }
  }

  private Exchange.Response delete(Exchange e, Product current) {
    synchronized (lock) {
      Product now = productOr404(current.id());
      checkIfMatch(e, now.etag(), false);
      products.remove(now.id());
      deleted.add(now.id());
      createdSkus.remove(now.sku());
      feed.delete(now, clock.instant());
      ObjectNode gone = Exchange.JSON.createObjectNode().put("id", now.id());
      events.emit("product.deleted", gone);
      return Exchange.Response.empty(204);
    }
  }

  private Exchange.Response batch(Exchange e) {
    JsonNode items = e.jsonBody().path("items");
    synchronized (lock) {
      return json(
          200,
          bytes(
              g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("results");
                for (int i = 0; i < items.size(); i++) {
                  writeBatchItem(g, i, items.get(i));
                }
                g.writeEndArray();
                g.writeEndObject();
              }));
    }
  }

  private void writeBatchItem(JsonGenerator g, int index, JsonNode item) throws IOException {
    Problems.FieldErrors errors = new Problems.FieldErrors();
    String sku = item.path("sku").asText("");
    Product input = item instanceof ObjectNode o ? readProduct(o, errors, "") : null;
    if (input == null) {
      errors.add("", "not_an_object", "each item is a product object");
    }
    Product existing = errors.size() == 0 ? bySku(sku) : null;
    String status;
    Product result = null;
    if (errors.size() > 0 || input == null) {
      status = "failed";
    } else if (existing == null) {
      result = store(input, ids.next("prd"), "active", 1, null);
      status = "created";
    } else if (input.sameContent(existing)) {
      result = existing;
      status = "unchanged";
    } else {
      result = store(input, existing.id(), existing.status(), existing.version() + 1, existing);
      status = "updated";
    }
    g.writeStartObject();
    g.writeNumberField("index", index);
    g.writeStringField("sku", sku);
    g.writeStringField("status", status);
    if (result != null) {
      g.writeStringField("product_id", result.id());
    }
    if (errors.size() > 0) {
      g.writeArrayFieldStart("errors");
      errors.forEach(
          (field, code, message) -> {
            try {
              g.writeStartObject();
              g.writeStringField("field", field);
              g.writeStringField("code", code);
              g.writeStringField("message", message);
              g.writeEndObject();
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Stores a new or replaced product under {@code id}; appends the change; emits the event. */
  private Product store(
      Product input, String id, String status, long version, @Nullable Product old) {
    Instant now = clock.instant();
    Product p =
        new Product(
            id,
            input.sku(),
            input.artisanId(),
            input.craft(),
            input.title(),
            input.description(),
            input.price(),
            input.stock(),
            input.dimensions(),
            input.weightG(),
            input.materials(),
            input.technique(),
            input.origin(),
            input.images(),
            input.hsCode(),
            input.labels(),
            input.vatRegime(),
            input.antique(),
            status,
            version,
            old == null ? now : old.createdAt(),
            now);
    if (old == null) {
      createdPositions.put(id, seed.productCount() + created.size());
      created.add(id);
      createdSkus.put(p.sku(), id);
    }
    return changed(p, old == null ? "product.created" : "product.updated");
  }

  private Product changed(Product p, String eventType) {
    products.put(p.id(), p);
    feed.upsert(p);
    events.emit(eventType, tree(g -> writeProduct(g, p)));
    return p;
  }

  /**
   * The export, rendered 64 products at a time as the client reads: the cursor is taken before the
   * first product, so every change made while it streams is also in the feed after it. {@link
   * CatalogFaults} can cut it, drop its headers or respell its closing line.
   */
  private Exchange.Response export(Exchange e) {
    String cursor;
    int total;
    int start = 0;
    int count;
    String after = e.queryParam("after");
    synchronized (lock) {
      cursor = feed.cursorNow();
      total = positions();
      if (after != null) {
        Integer pos = createdPositions.get(after);
        int seeded = CatalogSeed.index(after, CatalogSeed.SEED_PRODUCT_PREFIX, seed.productCount());
        if (pos == null && seeded < 0) {
          throw new Exchange.ApiError(
              Problems.invalid(
                  new Problems.FieldErrors()
                      .add("after", "unknown_product", "the last product id the export gave you")));
        }
        start = (pos == null ? seeded : pos) + 1;
      }
      count = liveFrom(start);
    }
    int from = start;
    CatalogFaults.ExportPlan plan = catalogFaults.nextExport();
    Exchange.Response r =
        new Exchange.Response(
            200,
            new LinkedHashMap<>(),
            null,
            "application/x-ndjson",
            () -> new ExportBody(this::atPosition, from, total, cursor, plan));
    if (!plan.omitHeaders()) {
      r.header("Export-Cursor", cursor).header("Export-Product-Count", Integer.toString(count));
    }
    return r;
  }

  /** Live products at positions {@code start} and after; called with the lock held. */
  private int liveFrom(int start) {
    int total = positions();
    int gone = 0;
    for (String id : deleted) {
      Integer pos = createdPositions.get(id);
      int p =
          pos != null
              ? pos
              : CatalogSeed.index(id, CatalogSeed.SEED_PRODUCT_PREFIX, seed.productCount());
      if (p >= start) {
        gone++;
      }
    }
    return Math.max(0, total - start - gone);
  }

  /** Parses and checks a ProductInput; errors are named with {@code prefix}. */
  private Product readProduct(ObjectNode b, Problems.FieldErrors errors, String prefix) {
    String sku = b.path("sku").asText("");
    if (!SKU.matcher(sku).matches()) {
      errors.add(prefix + "sku", "invalid_sku", "1 to 64 letters, digits, '.', '_' or '-'");
    }
    String artisanId = b.path("artisan_id").asText("");
    Artisan artisan = findArtisan(artisanId);
    if (artisan == null) {
      errors.add(prefix + "artisan_id", "unknown_artisan", "no artisan with this id");
    } else if (artisan.verification().equals("rejected")) {
      errors.add(
          prefix + "artisan_id", "artisan_rejected", "this artisan's registration was rejected");
    }
    String craft = b.path("craft").asText("");
    CatalogSeed.Craft c = CatalogSeed.craft(craft);
    if (c == null || c.maxPrice() == 0) {
      errors.add(prefix + "craft", "unknown_craft", "a product craft code of the taxonomy");
    }
    Map<String, String> title = text(b.get("title"), prefix + "title", errors, true);
    Map<String, String> description =
        text(b.get("description"), prefix + "description", errors, false);
    JsonNode price = b.path("price");
    long amount = price.path("amount_minor").asLong(-1);
    if (!price.path("amount_minor").isIntegralNumber() || amount <= 0) {
      errors.add(
          prefix + "price.amount_minor", "must_be_positive", "a positive whole number of centimes");
    }
    if (!price.path("currency").asText().equals("MAD")) {
      errors.add(prefix + "price.currency", "must_be_mad", "prices are set in MAD");
    }
    int stock = b.path("stock").asInt(0);
    if (b.has("stock") && (!b.get("stock").isIntegralNumber() || stock < 0)) {
      errors.add(prefix + "stock", "must_not_be_negative", "stock is 0 or more");
    }
    String hs = b.hasNonNull("hs_code") ? b.get("hs_code").asText() : null;
    if (hs != null && !HS.matcher(hs).matches()) {
      errors.add(prefix + "hs_code", "invalid_hs_code", "6 digits");
    }
    List<Image> images = new ArrayList<>();
    JsonNode imgs = b.path("images");
    for (int i = 0; i < imgs.size(); i++) {
      String url = imgs.get(i).path("url").asText("");
      if (!url.startsWith("https://") || url.length() < 12) {
        errors.add(prefix + "images[" + i + "].url", "must_be_https", "image URLs use https");
      }
      images.add(
          new Image(
              url, text(imgs.get(i).get("alt"), prefix + "images[" + i + "].alt", errors, false)));
    }
    if (images.size() > 20) {
      errors.add(prefix + "images", "too_many", "at most 20 images");
    }
    JsonNode dims = b.path("dimensions_cm");
    Dims dimensions =
        dims.isObject()
            ? new Dims(
                dims.path("length").asDouble(),
                dims.path("width").asDouble(),
                dims.path("height").asDouble())
            : null;
    String vat = b.hasNonNull("vat_regime") ? b.get("vat_regime").asText() : null;
    if (vat != null
        && !Set.of("standard_20", "exempt_carpet", "exempt_small_producer", "export_exempt")
            .contains(vat)) {
      errors.add(
          prefix + "vat_regime",
          "invalid_vat_regime",
          "standard_20, exempt_carpet, exempt_small_producer or export_exempt");
    }
    return new Product(
        "",
        sku,
        artisanId,
        craft,
        title,
        description,
        amount,
        stock,
        dimensions,
        b.hasNonNull("weight_g") ? b.get("weight_g").asInt() : null,
        strings(b.path("materials")),
        b.hasNonNull("technique") ? b.get("technique").asText() : null,
        b.hasNonNull("origin") ? b.get("origin").asText() : null,
        List.copyOf(images),
        hs,
        strings(b.path("labels")),
        vat,
        b.path("antique").asBoolean(false),
        "active",
        0,
        CatalogSeed.EPOCH,
        CatalogSeed.EPOCH);
  }

  /** A localized text: known language tags, non-blank NFC values, and {@code ar} or {@code fr}. */
  private static Map<String, String> text(
      @Nullable JsonNode node, String field, Problems.FieldErrors errors, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(field, "required", "a localized text with ar or fr");
      }
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.properties()
        .forEach(
            entry -> {
              String tag = entry.getKey();
              String value = entry.getValue().asText("");
              if (!LANGUAGES.contains(tag)) {
                errors.add(field + "." + tag, "unsupported_language", "ar, fr, en, es, zgh or ary");
              } else if (value.isBlank()) {
                errors.add(field + "." + tag, "blank", "a text must not be blank");
              } else if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
                errors.add(field + "." + tag, "not_nfc", "texts are NFC-normalized");
              }
              out.put(tag, value);
            });
    if (!out.containsKey("ar") && !out.containsKey("fr")) {
      errors.add(field, "missing_ar_or_fr", "a localized text has ar or fr");
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  // --- artisans ---------------------------------------------------------------------------------

  private @Nullable Artisan findArtisan(String id) {
    Artisan a = artisans.get(id);
    if (a != null) {
      return a;
    }
    int i = CatalogSeed.index(id, CatalogSeed.SEED_ARTISAN_PREFIX, seed.artisanCount());
    return i < 0 ? null : seed.artisan(i);
  }

  private Artisan artisanOr404(String id) {
    Artisan a = findArtisan(id);
    if (a == null) {
      throw new Exchange.ApiError(Problems.notFound("artisan", id));
    }
    return a;
  }

  private Exchange.Response listArtisans(Exchange e) {
    int limit = Pages.limit(e);
    String region = e.queryParam("region");
    String craft = e.queryParam("craft");
    String status = e.queryParam("status");
    Predicate<Artisan> filter =
        a ->
            (region == null || region.equals(a.region()))
                && (craft == null || a.crafts().contains(craft))
                && (status == null || status.equals(a.status()));
    int total;
    synchronized (lock) {
      total = seed.artisanCount() + createdArtisans.size();
    }
    return positionPage(e, limit, total, this::artisanAt, filter, MarketplaceApi::writeArtisan);
  }

  private @Nullable Artisan artisanAt(int pos) {
    if (pos < seed.artisanCount()) {
      return findArtisan(CatalogSeed.seededId(CatalogSeed.SEED_ARTISAN_PREFIX, pos));
    }
    synchronized (lock) {
      return artisans.get(createdArtisans.get(pos - seed.artisanCount()));
    }
  }

  /** Renders one JSON object of a catalog-ordered list. */
  interface ItemWriter<T> {
    void write(JsonGenerator g, T item) throws IOException;
  }

  /**
   * A page of a list kept in catalog order: from the position in the cursor, the first {@code
   * limit} items that exist and match, then the position to continue from.
   */
  private static <T> Exchange.Response positionPage(
      Exchange e,
      int limit,
      int total,
      IntFunction<@Nullable T> at,
      Predicate<T> filter,
      ItemWriter<T> writer) {
    List<T> page = new ArrayList<>(limit);
    int next = -1;
    for (int pos = decodeCursor(e.queryParam("cursor"), "pos"); pos < total; pos++) {
      T item = at.apply(pos);
      if (item == null || !filter.test(item)) {
        continue;
      }
      if (page.size() == limit) {
        next = pos;
        break;
      }
      page.add(item);
    }
    int cursor = next;
    return json(
        200,
        bytes(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("data");
              for (T item : page) {
                writer.write(g, item);
              }
              g.writeEndArray();
              writeCursor(g, cursor < 0 ? null : encodeCursor("pos", cursor), cursor >= 0);
              g.writeEndObject();
            }));
  }

  private Exchange.Response createArtisan(Exchange e) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    String status = b.path("status").asText();
    List<String> crafts = strings(b.path("crafts"));
    checkCrafts(crafts, errors);
    String region = b.path("region").asText();
    if (CatalogSeed.REGIONS.stream().noneMatch(r -> r[0].equals(region))) {
      errors.add("region", "unknown_region", "one of Morocco's 12 region codes");
    }
    String ice = b.hasNonNull("ice") ? b.get("ice").asText() : null;
    boolean business = status.equals("cooperative") || status.equals("enterprise");
    if (business && ice == null) {
      errors.add("ice", "required", "cooperatives and enterprises give their ICE");
    } else if (ice != null && !SandboxChecks.ice(ice)) {
      errors.add("ice", "invalid_ice", "15 digits whose number is 0 mod 97");
    }
    String[] payout = payout(b.get("payout_destination"), errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    Artisan a =
        new Artisan(
            ids.next("art"),
            b.path("nia").asText(),
            b.path("display_name").asText(),
            status,
            crafts,
            region,
            b.path("city").asText(),
            ice,
            payout[0],
            payout[1],
            "pending",
            strings(b.path("labels")),
            1,
            now,
            now);
    synchronized (lock) {
      artisans.put(a.id(), a);
      createdArtisans.add(a.id());
      pendingArtisans.add(a.id());
    }
    return json(201, bytes(g -> writeArtisan(g, a))).header("ETag", a.etag());
  }

  private Exchange.Response patchArtisan(Exchange e, Artisan current) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    for (String required : List.of("display_name", "crafts", "city")) {
      if (b.has(required) && b.get(required).isNull()) {
        errors.add(required, "required", required + " cannot be removed");
      }
    }
    List<String> crafts = b.hasNonNull("crafts") ? strings(b.get("crafts")) : current.crafts();
    checkCrafts(crafts, errors);
    String[] payout =
        b.has("payout_destination")
            ? payout(b.get("payout_destination"), errors)
            : new String[] {current.payoutType(), current.payoutLast4()};
    errors.throwIfAny();
    synchronized (lock) {
      Artisan now = artisanOr404(current.id());
      checkIfMatch(e, now.etag(), false);
      Artisan a =
          new Artisan(
              now.id(),
              now.nia(),
              b.hasNonNull("display_name") ? b.get("display_name").asText() : now.displayName(),
              now.status(),
              crafts,
              now.region(),
              b.hasNonNull("city") ? b.get("city").asText() : now.city(),
              now.ice(),
              payout[0],
              payout[1],
              now.verification(),
              b.has("labels") ? strings(b.path("labels")) : now.labels(),
              now.version() + 1,
              now.createdAt(),
              clock.instant());
      artisans.put(a.id(), a);
      return json(200, bytes(g -> writeArtisan(g, a))).header("ETag", a.etag());
    }
  }

  private static void checkCrafts(List<String> crafts, Problems.FieldErrors errors) {
    for (int i = 0; i < crafts.size(); i++) {
      if (CatalogSeed.craft(crafts.get(i)) == null) {
        errors.add("crafts[" + i + "]", "unknown_craft", "a craft code of the taxonomy");
      }
    }
  }

  /**
   * SandboxChecks a payout destination; returns its type and last four digits (all that is kept).
   */
  private static @Nullable String[] payout(@Nullable JsonNode d, Problems.FieldErrors errors) {
    if (d == null || d.isNull()) {
      return new String[2];
    }
    String type = d.path("type").asText();
    String value =
        switch (type) {
          case "rib" ->
              SandboxChecks.rib(d.path("rib").asText(null)) ? d.path("rib").asText() : null;
          case "iban" ->
              SandboxChecks.iban(d.path("iban").asText(null)) ? d.path("iban").asText() : null;
          case "wallet" -> SandboxChecks.mobileE164(d.path("phone").asText(null));
          default -> null;
        };
    if (value == null) {
      String field =
          switch (type) {
            case "rib" -> "payout_destination.rib";
            case "iban" -> "payout_destination.iban";
            case "wallet" -> "payout_destination.phone";
            default -> "payout_destination.type";
          };
      errors.add(
          field,
          "invalid_" + (type.isEmpty() ? "type" : type),
          "this payout destination is not valid");
      return new String[2];
    }
    return new String[] {type, value.substring(value.length() - 4)};
  }

  // --- orders and quotes ------------------------------------------------------------------------

  private Order orderOr404(String id) {
    Integer i = orderIndex.get(id);
    if (i == null) {
      throw new Exchange.ApiError(Problems.notFound("order", id));
    }
    return orders.get(i);
  }

  private Exchange.Response createOrder(Exchange e) {
    ObjectNode b = e.jsonBody();
    Problems.FieldErrors errors = new Problems.FieldErrors();
    synchronized (lock) {
      List<Line> lines = new ArrayList<>();
      Map<String, Integer> wanted = new HashMap<>();
      JsonNode input = b.path("lines");
      long total = 0;
      for (int i = 0; i < input.size(); i++) {
        String id = input.get(i).path("product_id").asText();
        int qty = input.get(i).path("quantity").asInt();
        Product p = find(id);
        if (p == null || !p.status().equals("active")) {
          errors.add(
              "lines[" + i + "].product_id", "not_for_sale", "no active product with this id");
          continue;
        }
        int all = wanted.merge(id, qty, Integer::sum);
        if (all > p.stock()) {
          errors.add("lines[" + i + "].quantity", "insufficient_stock", p.stock() + " in stock");
        }
        lines.add(new Line(id, qty, p.price()));
        total = Math.addExact(total, Math.multiplyExact(p.price(), (long) qty));
      }
      String currency =
          b.hasNonNull("display_currency") ? b.get("display_currency").asText() : null;
      long display = total;
      String quoteId = b.hasNonNull("fx_quote_id") ? b.get("fx_quote_id").asText() : null;
      if (currency != null && !currency.equals("MAD")) {
        Quote q = quoteId == null ? null : quotes.get(quoteId);
        if (q == null || !q.from().equals("MAD") || !q.to().equals(currency)) {
          errors.add(
              "fx_quote_id", "quote_required", "a MAD to " + currency + " quote is required");
        } else if (clock.instant().isAfter(q.expires())) {
          errors.add("fx_quote_id", "quote_expired", "the quote expired at " + q.expires());
        } else {
          display = convert(total, q.rate());
        }
      }
      errors.throwIfAny();
      for (Map.Entry<String, Integer> w : wanted.entrySet()) {
        Product p = Objects.requireNonNull(find(w.getKey()));
        changed(
            p.with(p.status(), p.stock() - w.getValue(), p.version() + 1, clock.instant()),
            "product.updated");
      }
      Order o =
          new Order(
              ids.next("ord"),
              orders.size() + 1L,
              "pending_payment",
              List.copyOf(lines),
              total,
              currency,
              display,
              List.of(),
              null,
              clock.instant());
      orderIndex.put(o.id(), orders.size());
      orders.add(o);
      return json(201, bytes(g -> writeOrder(g, o)));
    }
  }

  /** Minor units of MAD times a rate, rounded half-up to the target's minor unit. */
  static long convert(long madMinor, BigDecimal rate) {
    return BigDecimal.valueOf(madMinor)
        .multiply(rate)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private Exchange.Response changeStatus(Exchange e, Order o) {
    ObjectNode b = e.jsonBody();
    String to = b.path("status").asText();
    boolean allowed =
        switch (o.status()) {
          case "pending_payment" -> to.equals("paid") || to.equals("cancelled");
          case "paid" -> to.equals("shipped") || to.equals("cancelled");
          case "shipped" -> to.equals("delivered");
          default -> false;
        };
    if (!allowed) {
      throw new Exchange.ApiError(
          Problems.conflict(
              "invalid_transition", "an order cannot go from " + o.status() + " to " + to));
    }
    if (to.equals("shipped") && !b.hasNonNull("tracking_number")) {
      throw new Exchange.ApiError(
          Problems.invalid(
              new Problems.FieldErrors()
                  .add("tracking_number", "required", "a shipped order has a tracking number")));
    }
    if (to.equals("cancelled")) {
      for (Line l : o.lines()) {
        Product p = find(l.productId());
        if (p != null) {
          changed(
              p.with(p.status(), p.stock() + l.quantity(), p.version() + 1, clock.instant()),
              "product.updated");
        }
      }
    }
    Order moved =
        o.moved(
            to,
            b.hasNonNull("tracking_number")
                ? b.get("tracking_number").asText()
                : o.trackingNumber(),
            o.paymentIds());
    replaceOrder(moved);
    if (to.equals("paid")) {
      events.emit("order.paid", tree(g -> writeOrder(g, moved)));
    }
    return json(200, bytes(g -> writeOrder(g, moved)));
  }

  private void replaceOrder(Order o) {
    orders.set(Objects.requireNonNull(orderIndex.get(o.id())), o);
  }

  /** A succeeded payment whose order reference is an order's id, for its total, pays it. */
  private void onEvent(ObjectNode event) {
    if (!event.path("type").asText().equals("payment.succeeded")) {
      return;
    }
    JsonNode pay = event.path("data").path("object");
    String orderId = pay.path("order_reference").asText();
    synchronized (lock) {
      Integer i = orderIndex.get(orderId);
      if (i == null) {
        return;
      }
      Order o = orders.get(i);
      if (!o.status().equals("pending_payment")
          || pay.path("amount").path("amount_minor").asLong() != o.total()
          || !pay.path("amount").path("currency").asText().equals("MAD")) {
        return;
      }
      List<String> paymentIds = new ArrayList<>(o.paymentIds());
      paymentIds.add(pay.path("id").asText());
      Order paid = o.moved("paid", null, List.copyOf(paymentIds));
      replaceOrder(paid);
      events.emit("order.paid", tree(g -> writeOrder(g, paid)));
    }
  }

  private Exchange.Response listOrders(Exchange e) {
    String status = e.queryParam("status");
    synchronized (lock) {
      ObjectNode page =
          Pages.page(
              e,
              orders,
              Order::seq,
              o -> status == null || status.equals(o.status()),
              o -> tree(g -> writeOrder(g, o)));
      return Exchange.Response.json(200, page);
    }
  }

  private Exchange.Response createQuote(Exchange e) {
    ObjectNode b = e.jsonBody();
    String from = b.path("from").asText();
    String to = b.path("to").asText();
    BigDecimal rate;
    if (from.equals("MAD") && MAD_PER_UNIT.containsKey(to)) {
      rate = BigDecimal.ONE.divide(MAD_PER_UNIT.get(to), 6, RoundingMode.HALF_EVEN);
    } else if (to.equals("MAD") && MAD_PER_UNIT.containsKey(from)) {
      rate = MAD_PER_UNIT.get(from).setScale(6, RoundingMode.UNNECESSARY);
    } else {
      throw new Exchange.ApiError(
          Problems.invalid(
              new Problems.FieldErrors()
                  .add("to", "unsupported_pair", "quotes are between MAD and EUR or USD")));
    }
    Instant now = clock.instant();
    Quote q = new Quote(ids.next("fxq"), from, to, rate, now, now.plus(FX_QUOTE_TTL));
    synchronized (lock) {
      quotes.put(q.id(), q);
    }
    return json(201, bytes(g -> writeQuote(g, q)));
  }

  // --- rendering --------------------------------------------------------------------------------

  interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] bytes(Writer w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = Exchange.JSON.getFactory().createGenerator(out)) {
      w.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same rendering as a tree (for events), through a token buffer: no bytes in between. */
  static ObjectNode tree(Writer w) {
    try (TokenBuffer buffer = new TokenBuffer(Exchange.JSON, false)) {
      w.write(buffer);
      return (ObjectNode) Exchange.JSON.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Exchange.Response json(int status, byte[] body) {
    return new Exchange.Response(status, new LinkedHashMap<>(), body, "application/json");
  }

  private static Exchange.Response conditional(Exchange e, String etag, Supplier<byte[]> body) {
    if (etag.equals(e.header("if-none-match"))) {
      return Exchange.Response.empty(304).header("ETag", etag);
    }
    return json(200, body.get()).header("ETag", etag);
  }

  private static void checkIfMatch(Exchange e, String etag, boolean required) {
    String ifMatch = e.header("if-match");
    if (ifMatch == null && !required) {
      return;
    }
    if (ifMatch == null || !(ifMatch.equals(etag) || ifMatch.equals("*"))) {
      throw new Exchange.ApiError(
          Problems.problem(
                  412,
                  "version_conflict",
                  "Precondition failed",
                  "the object changed since you read it; it is now at "
                      + etag
                      + ": read it again, then retry")
              .header("ETag", etag));
    }
  }

  private static void writeCursor(JsonGenerator g, @Nullable String next, boolean more)
      throws IOException {
    if (next == null) {
      g.writeNullField("next_cursor");
    } else {
      g.writeStringField("next_cursor", next);
    }
    g.writeBooleanField("has_more", more);
  }

  static String encodeCursor(String kind, long value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.US_ASCII));
  }

  private static int decodeCursor(@Nullable String cursor, String kind) {
    if (cursor == null) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (s.startsWith(kind + ":")) {
        int v = Integer.parseInt(s.substring(kind.length() + 1));
        if (v >= 0) {
          return v;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new Exchange.ApiError(
        Problems.invalid(
            new Problems.FieldErrors()
                .add("cursor", "invalid_cursor", "pass the cursor the API gave you, unchanged")));
  }

  private static void writeText(JsonGenerator g, String field, Map<String, String> text)
      throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> t : text.entrySet()) {
      g.writeStringField(t.getKey(), t.getValue());
    }
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void writeMoney(JsonGenerator g, String field, long minor, String currency)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeNumberField("amount_minor", minor);
    g.writeStringField("currency", currency);
    g.writeEndObject();
  }

  static void writeProduct(JsonGenerator g, Product p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("sku", p.sku());
    g.writeStringField("artisan_id", p.artisanId());
    g.writeStringField("craft", p.craft());
    writeText(g, "title", p.title());
    if (!p.description().isEmpty()) {
      writeText(g, "description", p.description());
    }
    writeMoney(g, "price", p.price(), "MAD");
    g.writeNumberField("stock", p.stock());
    if (p.dimensions() != null) {
      g.writeObjectFieldStart("dimensions_cm");
      g.writeNumberField("length", p.dimensions().length());
      g.writeNumberField("width", p.dimensions().width());
      g.writeNumberField("height", p.dimensions().height());
      g.writeEndObject();
    }
    if (p.weightG() != null) {
      g.writeNumberField("weight_g", p.weightG());
    }
    writeStrings(g, "materials", p.materials());
    if (p.technique() != null) {
      g.writeStringField("technique", p.technique());
    }
    if (p.origin() != null) {
      g.writeStringField("origin", p.origin());
    }
    g.writeArrayFieldStart("images");
    for (Image i : p.images()) {
      g.writeStartObject();
      g.writeStringField("url", i.url());
      if (!i.alt().isEmpty()) {
        writeText(g, "alt", i.alt());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (p.hsCode() != null) {
      g.writeStringField("hs_code", p.hsCode());
    }
    writeStrings(g, "labels", p.labels());
    if (p.vatRegime() != null) {
      g.writeStringField("vat_regime", p.vatRegime());
    }
    g.writeBooleanField("antique", p.antique());
    g.writeStringField("status", p.status());
    g.writeNumberField("version", p.version());
    g.writeStringField("created_at", p.createdAt().toString());
    g.writeStringField("updated_at", p.updatedAt().toString());
    g.writeEndObject();
  }

  static void writeArtisan(JsonGenerator g, Artisan a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("nia", a.nia());
    g.writeStringField("display_name", a.displayName());
    g.writeStringField("status", a.status());
    writeStrings(g, "crafts", a.crafts());
    g.writeStringField("region", a.region());
    g.writeStringField("city", a.city());
    if (a.ice() != null) {
      g.writeStringField("ice", a.ice());
    }
    if (a.payoutType() != null) {
      g.writeObjectFieldStart("payout_destination");
      g.writeStringField("type", a.payoutType());
      g.writeStringField("last4", a.payoutLast4());
      g.writeEndObject();
    }
    g.writeStringField("verification", a.verification());
    writeStrings(g, "labels", a.labels());
    g.writeNumberField("version", a.version());
    g.writeStringField("created_at", a.createdAt().toString());
    g.writeStringField("updated_at", a.updatedAt().toString());
    g.writeEndObject();
  }

  private static void writeOrder(JsonGenerator g, Order o) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", o.id());
    g.writeStringField("status", o.status());
    g.writeArrayFieldStart("lines");
    for (Line l : o.lines()) {
      g.writeStartObject();
      g.writeStringField("product_id", l.productId());
      g.writeNumberField("quantity", l.quantity());
      writeMoney(g, "unit_price", l.unitPrice(), "MAD");
      g.writeEndObject();
    }
    g.writeEndArray();
    writeMoney(g, "total", o.total(), "MAD");
    if (o.displayCurrency() != null) {
      writeMoney(g, "display_total", o.displayTotal(), o.displayCurrency());
    }
    writeStrings(g, "payment_ids", o.paymentIds());
    if (o.trackingNumber() != null) {
      g.writeStringField("tracking_number", o.trackingNumber());
    }
    g.writeStringField("created_at", o.createdAt().toString());
    g.writeEndObject();
  }

  private static void writeQuote(JsonGenerator g, Quote q) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", q.id());
    g.writeStringField("from", q.from());
    g.writeStringField("to", q.to());
    g.writeStringField("rate", q.rate().toPlainString());
    g.writeStringField("quoted_at", q.at().toString());
    g.writeStringField("expires_at", q.expires().toString());
    g.writeBooleanField("sample", true);
    g.writeEndObject();
  }

  private static byte[] renderTaxonomy() {
    return bytes(
        g -> {
          g.writeStartObject();
          g.writeStringField("version", CatalogSeed.TAXONOMY_VERSION);
          g.writeBooleanField("sample", true);
          g.writeArrayFieldStart("categories");
          for (CatalogSeed.Category c : CatalogSeed.CATEGORIES) {
            g.writeStartObject();
            g.writeStringField("code", c.code());
            writeText(g, "label", c.label());
            g.writeArrayFieldStart("branches");
            for (CatalogSeed.Branch b : CatalogSeed.BRANCHES) {
              if (!b.category().equals(c.code())) {
                continue;
              }
              g.writeStartObject();
              g.writeStringField("code", b.code());
              writeText(g, "label", b.label());
              g.writeArrayFieldStart("crafts");
              for (CatalogSeed.Craft k : CatalogSeed.CRAFTS) {
                if (k.branch().equals(b.code())) {
                  g.writeStartObject();
                  g.writeStringField("code", k.code());
                  writeText(g, "label", k.label());
                  g.writeEndObject();
                }
              }
              g.writeEndArray();
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
