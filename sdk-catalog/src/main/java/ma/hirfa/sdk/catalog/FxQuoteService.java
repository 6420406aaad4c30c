package ma.hirfa.sdk.catalog;

import java.util.Map;
import java.util.Set;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.Operation;
import ma.hirfa.sdk.core.internal.TypeRef;

/** FX quotes between MAD and EUR or USD. From {@link CatalogClient#fxQuotes()}. */
public final class FxQuoteService {
  private static final TypeRef<FxQuote> QUOTE = TypeRef.of(FxQuote.class);
  private static final Set<String> CURRENCIES = Set.of("MAD", "EUR", "USD");

  static final Operation CREATE = Operation.post("createFxQuote", "/v1/fx_quotes");
  static final Operation GET = Operation.get("getFxQuote", "/v1/fx_quotes/{id}");

  private final ClientRuntime runtime;

  FxQuoteService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /** A fresh quote from {@code from} to {@code to}; one of them is MAD. */
  public FxQuote create(String from, String to) {
    if (!CURRENCIES.contains(from)) {
      throw new ValidationException("from", "must be MAD, EUR or USD but was " + from);
    }
    if (!CURRENCIES.contains(to) || to.equals(from) || !(from.equals("MAD") || to.equals("MAD"))) {
      throw new ValidationException(
          "to", "must be MAD, EUR or USD, other than from, one being MAD");
    }
    return runtime.execute(CREATE.request().body(Map.of("from", from, "to", to)).build(), QUOTE);
  }

  public FxQuote get(String id) {
    return runtime.execute(GET.request(CatalogChecks.id("id", "fxq", id)).build(), QUOTE);
  }
}
