package ma.hirfa.sdk.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every Hirfa client's builder offers: the API key, optionally the base URL, and any other
 * {@link ClientOptions} setting through {@link #configure}. Each client ({@code PaymentsClient},
 * {@code CatalogClient}) extends it.
 *
 * @param <B> the concrete builder, returned by each setter
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  private final ClientOptions.Builder options;

  protected ClientBuilder(ClientOptions.Builder options) {
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /** The key, {@code sk_test_...} or {@code sk_live_...}. */
  public B apiKey(String apiKey) {
    options.apiKey(apiKey);
    return self();
  }

  /** Like {@code https://api.hirfa.ma/}, or a sandbox's {@code baseUrl()}. */
  public B baseUrl(String baseUrl) {
    options.baseUrl(baseUrl);
    return self();
  }

  /** Applies any other setting: {@code .configure(o -> o.readTimeout(Duration.ofSeconds(20)))}. */
  public B configure(Consumer<ClientOptions.Builder> settings) {
    Objects.requireNonNull(settings, "settings == null").accept(options);
    return self();
  }

  /** Validates the options (every error names its field) and builds the client. */
  public C build() {
    return build(options.build());
  }

  /** Builds the client from validated options. */
  protected abstract C build(ClientOptions options);

  @SuppressWarnings("unchecked") // B is this builder's own class, by the type's contract
  private B self() {
    return (B) this;
  }
}
