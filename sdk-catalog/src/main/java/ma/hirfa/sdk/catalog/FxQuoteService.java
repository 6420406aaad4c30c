package ma.hirfa.sdk.catalog;

import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.core.RequestOptions;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.http.ApiRequest;
import ma.hirfa.sdk.core.internal.http.ClientRuntime;
import ma.hirfa.sdk.core.internal.http.Operation;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * FX quotes between MAD and EUR or USD. From {@link CatalogClient#fxQuotes()}; the same operations
 * return a {@code CompletableFuture} from {@link #async()}.
 */
public final class FxQuoteService {
  static final Operation CREATE = Operation.post("createFxQuote", "/v1/fx_quotes");
  static final Operation GET = Operation.get("getFxQuote", "/v1/fx_quotes/{id}");

  static final TypeRef<FxQuote> QUOTE = TypeRef.of(FxQuote.class);
  private static final Set<String> CURRENCIES = Set.of("MAD", "EUR", "USD");

  private final ClientRuntime runtime;
  private final FxQuoteServiceAsync async;

  FxQuoteService(ClientRuntime runtime) {
    this.runtime = runtime;
    this.async = new FxQuoteServiceAsync(runtime);
  }

  /** The same operations, returning a {@code CompletableFuture} instead of blocking. */
  public FxQuoteServiceAsync async() {
    return async;
  }

  /** A fresh quote from {@code from} to {@code to}; one of them is MAD. */
  public FxQuote create(String from, String to) {
    return create(from, to, RequestOptions.none());
  }

  /** Like {@link #create(String, String)}, with per-call options. */
  public FxQuote create(String from, String to, RequestOptions options) {
    return runtime.execute(createRequest(from, to, options), QUOTE);
  }

  /** A quote by id, also after it expired. */
  public FxQuote get(String id) {
    return get(id, RequestOptions.none());
  }

  /** Like {@link #get(String)}, with per-call options. */
  public FxQuote get(String id, RequestOptions options) {
    return runtime.execute(getRequest(id, options), QUOTE);
  }

  static ApiRequest createRequest(
      @Nullable String from, @Nullable String to, RequestOptions options) {
    if (from == null || !CURRENCIES.contains(from)) {
      throw new ValidationException("from", "must be MAD, EUR or USD but was " + from);
    }
    if (to == null
        || !CURRENCIES.contains(to)
        || to.equals(from)
        || !(from.equals("MAD") || to.equals("MAD"))) {
      throw new ValidationException(
          "to", "must be MAD, EUR or USD, other than from, one being MAD");
    }
    return CREATE
        .request()
        .body(Map.of("from", from, "to", to))
        .options(CatalogChecks.required("options", options))
        .build();
  }

  static ApiRequest getRequest(String id, RequestOptions options) {
    return GET.request(CatalogChecks.id("id", "fxq", id))
        .options(CatalogChecks.required("options", options))
        .build();
  }
}
