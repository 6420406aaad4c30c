package ma.hirfa.sdk.catalog;

import java.util.Objects;
import ma.hirfa.sdk.core.ClientBuilder;
import ma.hirfa.sdk.core.ClientHealth;
import ma.hirfa.sdk.core.ClientOptions;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import org.jspecify.annotations.Nullable;

/**
 * The Marketplace API client, for e-commerce partners importing the artisan catalog and for
 * developers who onboard artisans, publish products and take orders.
 *
 * <pre>{@code
 * CatalogClient catalog = CatalogClient.builder()
 *     .apiKey(System.getenv("HIRFA_API_KEY"))
 *     .build();
 *
 * Product p = catalog.products().get("prd_S000001");
 * p.title().resolve(Locale.forLanguageTag("es"));        // falls back to fr, ar, en
 * p.price().format(Locale.forLanguageTag("fr-MA"));      // "1.234,50 MAD"
 *
 * try (ProductExport export = catalog.products().export().onProgress(progress -> log(progress))) {
 *   export.stream().forEach(shop::upsert);               // constant memory, however large
 * }
 *
 * CompletableFuture<Product> later = catalog.products().async().get("prd_S000001");
 * }</pre>
 *
 * <p>To import once and then stay in sync through crashes, use {@link CatalogSync}. Every operation
 * has two forms, with its required arguments and with those and {@link
 * ma.hirfa.sdk.core.RequestOptions}; each service's {@code async()} view returns the same
 * operations as {@code CompletableFuture}s, cancellable on the wire. Iterators and streams (the
 * auto-pagers, the export) are read synchronously.
 *
 * <h2>Share one client</h2>
 *
 * A client holds a connection pool, dispatcher threads, a circuit breaker and a retry budget. Build
 * one at start-up and share it: it is immutable and thread-safe. {@link #newBuilder()} makes a
 * variant with other settings that shares the pool and threads. {@link #close()} releases them.
 */
public final class CatalogClient implements AutoCloseable {
  static final String API = "catalog";

  private final ClientRuntime runtime;
  private final TaxonomyService taxonomy;
  private final ArtisanService artisans;
  private final ProductService products;
  private final OrderService orders;
  private final FxQuoteService fxQuotes;

  private CatalogClient(ClientRuntime runtime) {
    this.runtime = runtime;
    this.taxonomy = new TaxonomyService(runtime);
    this.artisans = new ArtisanService(runtime);
    this.products = new ProductService(runtime);
    this.orders = new OrderService(runtime);
    this.fxQuotes = new FxQuoteService(runtime);
  }

  /** A client with these options and its own connection pool. */
  public static CatalogClient create(ClientOptions options) {
    return new CatalogClient(
        ClientRuntime.create(Objects.requireNonNull(options, "options == null"), API));
  }

  public static Builder builder() {
    return new Builder(null, ClientOptions.builder());
  }

  /** A builder starting from this client's options; the client it builds shares this one's pool. */
  public Builder newBuilder() {
    return new Builder(runtime, runtime.options().newBuilder());
  }

  public ClientOptions options() {
    return runtime.options();
  }

  /** The engine, for tests that check connections and cancellation. */
  ClientRuntime runtime() {
    return runtime;
  }

  /** Categories, branches and crafts with their labels; cached with its ETag. */
  public TaxonomyService taxonomy() {
    return taxonomy;
  }

  public ArtisanService artisans() {
    return artisans;
  }

  public ProductService products() {
    return products;
  }

  public OrderService orders() {
    return orders;
  }

  public FxQuoteService fxQuotes() {
    return fxQuotes;
  }

  /**
   * What this client knows about the API's health, without making a call: the circuit breaker's
   * state, the retry budget and how the last call ended.
   */
  public ClientHealth health() {
    return runtime.health();
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "CatalogClient{" + runtime.options() + "}";
  }

  /**
   * Builds a {@link CatalogClient}: the API key, optionally the base URL, and any other {@link
   * ClientOptions} setting through {@link #configure}.
   */
  public static final class Builder extends ClientBuilder<Builder, CatalogClient> {
    private final @Nullable ClientRuntime parent;

    private Builder(@Nullable ClientRuntime parent, ClientOptions.Builder options) {
      super(options);
      this.parent = parent;
    }

    @Override
    protected CatalogClient build(ClientOptions options) {
      return new CatalogClient(ClientRuntime.createOrDerive(parent, options, API));
    }
  }
}
