package ma.hirfa.sdk.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import ma.hirfa.sdk.core.ValidationException;
import ma.hirfa.sdk.core.internal.ApiRequest;
import ma.hirfa.sdk.core.internal.ClientRuntime;
import ma.hirfa.sdk.core.internal.TypeRef;

/**
 * Registers the URLs that receive the API's events. From {@link PaymentsClient#webhookEndpoints()}.
 *
 * <pre>{@code
 * WebhookEndpoint endpoint = client.webhookEndpoints()
 *     .create("https://bank.example/hirfa/webhooks", List.of("payment.succeeded", "refund.succeeded"));
 * secrets.store(endpoint.secret());   // verify deliveries with it: WebhookVerifier.builder().secret(...)
 * }</pre>
 */
public final class WebhookEndpointService {
  private static final TypeRef<WebhookEndpoint> ENDPOINT = TypeRef.of(WebhookEndpoint.class);

  private final ClientRuntime runtime;

  WebhookEndpointService(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Registers {@code url} for the event types {@code events}, like {@code
   * List.of("payment.succeeded", "refund.succeeded")}; an empty list ({@code List.of()}) subscribes
   * it to every event type, including types added later. Returns the endpoint with its signing
   * secret, shown only this once.
   */
  public WebhookEndpoint create(String url, List<String> events) {
    Objects.requireNonNull(events, "events == null");
    return runtime.execute(
        ApiRequest.post("v1", "webhook_endpoints")
            .body(new Create(checkUrl(url), List.copyOf(events)))
            .build(),
        ENDPOINT);
  }

  private static String checkUrl(String url) {
    try {
      URI uri = new URI(Objects.requireNonNull(url, "url == null"));
      boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
        throw new ValidationException("url", "must be an https URL (plain http only on loopback)");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new ValidationException("url", "is not a valid URL");
    }
  }

  /** The create body. */
  record Create(String url, List<String> events) {}
}
